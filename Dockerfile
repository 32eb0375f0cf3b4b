# The image compose.yaml runs for the Rasa replicas and the action servers.
# Same pinned packages as `make setup`; the model is trained while building.
FROM python:3.10-slim
WORKDIR /app
COPY requirements.txt constraints.txt ./
RUN python -m venv .venv && .venv/bin/pip install --no-cache-dir -r requirements.txt -c constraints.txt
COPY . .
RUN .venv/bin/rasa train --num-threads 2 --quiet
EXPOSE 5005 5055
