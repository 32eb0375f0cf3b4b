# The few commands a newcomer needs. `make help` lists them.
.DEFAULT_GOAL := help
.PHONY: help setup run shell staff staff-user test train screen-demo screening-time compare-pipelines benchmark benchmark-cluster cluster evaluate-answers benchmark-reader reading-level-zh lock clean

help: ## List the commands
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F ':.*## ' '{printf "  make %-18s %s\n", $$1, $$2}'

setup: ## Create .venv with Python 3.8-3.10 and install the pinned packages (skipped when up to date)
	scripts/setup.sh

run: ## Install, train if needed, and start the assistant: open http://localhost:5005/ (chat page)
	scripts/run.sh

shell: ## Chat with the assistant in the terminal (starts the action server if needed)
	scripts/shell.sh

staff: setup ## Start the study team's web console (http://127.0.0.1:5090/; migrates the database first)
	.venv/bin/python -m bot.storage.migrate
	.venv/bin/python -m bot.staff serve

staff-user: setup ## Add a staff console user: make staff-user NAME=li.wei [ADMIN=1] (asks for the password)
	.venv/bin/python -m bot.storage.migrate
	.venv/bin/python -m bot.staff add-user $(NAME) $(if $(ADMIN),--admin,)

test: ## Run every test, browser tests included (installs Chromium and trains first if needed)
	scripts/test.sh

train: setup ## Train the model (reuses the last one when nothing changed)
	scripts/train.sh

screen-demo: setup ## Screen an example answers file from the command line
	.venv/bin/python -m bot.screening.screen NCT06839066 examples/npc_answers.yml

screening-time: setup ## Measure how long screenings take and how close "Question N of about M" is
	.venv/bin/python scripts/screening_time.py

compare-pipelines: setup ## Compare NLU pipelines for English and Chinese (one model vs one per language): accuracy, time, latency
	.venv/bin/python scripts/compare_pipelines.py

benchmark: train ## Measure turn latency and memory with concurrent simulated conversations
	.venv/bin/python scripts/benchmark.py

evaluate-answers: setup ## Score the answer readers on every answer set (each says if it is blind): understood / asked again / wrong per type
	.venv/bin/python scripts/evaluate_answers.py tests/answers/blind10.yml tests/answers/blind9.yml tests/answers/blind8.yml tests/answers/blind5.yml tests/answers/blind4.yml tests/answers/blind3.yml tests/answers/blind2.yml tests/answers/blind.yml tests/answers/dev.yml
	.venv/bin/python scripts/evaluate_answers.py --language zh tests/answers/blind10_zh.yml tests/answers/blind9_zh.yml tests/answers/blind8_zh.yml tests/answers/blind5_zh.yml tests/answers/blind4_zh.yml tests/answers/blind3_zh.yml tests/answers/blind_zh.yml tests/answers/dev_zh.yml tests/understanding/probes_zh.yml

benchmark-reader: setup ## Measure the answer readers' cost per answer (p50 / p95), English and Chinese
	.venv/bin/python scripts/benchmark_reader.py
	.venv/bin/python scripts/benchmark_reader.py --language zh

cluster: train ## Start Redis, PostgreSQL, HAProxy and two replicas of each server on loopback (Ctrl+C stops all)
	scripts/setup_cluster.sh
	.venv/bin/python scripts/cluster.py

benchmark-cluster: train ## Measure turns per second and p95 against 1 and then 2 replicas behind HAProxy
	scripts/setup_cluster.sh
	.venv/bin/python scripts/benchmark_cluster.py

reading-level-zh: setup ## Print the ten hardest Chinese seed texts by plain-Chinese (CLDC) score (above 30 is difficult)
	.venv/bin/python scripts/chinese_reading_level.py

lock: ## Re-pin every installed package in constraints.txt after changing requirements.txt
	.venv/bin/python -m pip install -r requirements.txt
	(head -2 constraints.txt; .venv/bin/python -m pip freeze | grep -v -i -E '^(-e|pip==|setuptools==|wheel==)') > constraints.new && mv constraints.new constraints.txt

clean: ## Remove trained models and test output (keeps .venv)
	rm -rf models results .pytest_cache var/*.log tests/e2e/screenshots
