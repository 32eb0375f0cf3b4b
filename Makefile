# The few commands a newcomer needs. `make help` lists them.
.DEFAULT_GOAL := help
.PHONY: help setup run shell test train screen-demo compare-pipelines benchmark benchmark-cluster cluster lock clean

help: ## List the commands
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F ':.*## ' '{printf "  make %-18s %s\n", $$1, $$2}'

setup: ## Create .venv with Python 3.8-3.10 and install the pinned packages (skipped when up to date)
	scripts/setup.sh

run: ## Install, train if needed, and start the assistant: open http://localhost:5005/ (chat page)
	scripts/run.sh

shell: ## Chat with the assistant in the terminal (starts the action server if needed)
	scripts/shell.sh

test: ## Run every test, browser tests included (installs Chromium and trains first if needed)
	scripts/test.sh

train: setup ## Train the model (reuses the last one when nothing changed)
	scripts/train.sh

screen-demo: setup ## Screen an example answers file from the command line
	.venv/bin/python -m bot.screen NCT06839066 examples/npc_answers.yml

compare-pipelines: setup ## Compare NLU pipelines on held-out messages (accuracy, training time, latency)
	.venv/bin/python scripts/compare_pipelines.py

benchmark: train ## Measure turn latency and memory with concurrent simulated conversations
	.venv/bin/python scripts/benchmark.py

cluster: train ## Start Redis, PostgreSQL, HAProxy and two replicas of each server on loopback (Ctrl+C stops all)
	scripts/setup_cluster.sh
	.venv/bin/python scripts/cluster.py

benchmark-cluster: train ## Measure turns per second and p95 against 1 and then 2 replicas behind HAProxy
	scripts/setup_cluster.sh
	.venv/bin/python scripts/benchmark_cluster.py

lock: ## Re-pin every installed package in constraints.txt after changing requirements.txt
	.venv/bin/python -m pip install -r requirements.txt
	(head -2 constraints.txt; .venv/bin/python -m pip freeze | grep -v -i -E '^(-e|pip==|setuptools==|wheel==)') > constraints.new && mv constraints.new constraints.txt

clean: ## Remove trained models and test output (keeps .venv)
	rm -rf models results .pytest_cache var/*.log tests/e2e/screenshots
