# Switchboard — the two set-up commands are `make up` and `make test` (README.md).
SHELL := /usr/bin/env bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := help

INFRA    := deploy/local/infra.sh
SERVICES := deploy/local/services.sh
# Use the connection settings of the running (or external) infrastructure.
INFRA_ENV = eval "$$($(INFRA) env)"

.PHONY: help deps build typecheck lint schemas unit infra-up topics up down status simulate test test-int test-e2e bench bench-intake bench-dispatch bench-dispatch-latency clean

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	@touch $@

deps: node_modules/.installed ## install npm dependencies (npm ci)

build: deps ## compile apps and libs to dist/ (swc)
	npm run --silent build

typecheck: deps ## tsc --noEmit over the whole repo
	npx tsc -p tsconfig.json --noEmit

lint: deps ## ESLint with the project's gates
	npm run --silent lint

schemas: deps ## regenerate libs/contracts/json-schema, libs/contracts/asyncapi.json and docs/api/openapi.json from the code
	npx swc libs/contracts/src apps/gateway/src -d dist --quiet --ignore '**/*.spec.ts'
	node dist/libs/contracts/src/cli/generate-json-schema.js
	node dist/apps/gateway/src/cli/generate-openapi.js

unit: deps ## unit tests (no I/O)
	npx jest --selectProjects unit

infra-up: ## start Kafka 4.x, PostgreSQL and Redis natively (or use KAFKA_BROKERS/DATABASE_URL/REDIS_URL)
	$(INFRA) up >/dev/null

topics: build infra-up ## create the platform's topics and DLQs
	$(INFRA_ENV); node dist/libs/messaging/src/cli/create-topics.js

up: deps build infra-up topics ## run the whole platform in the background and print where it is
	$(INFRA_ENV); $(SERVICES) start
	$(INFRA_ENV); $(SERVICES) demo
	@$(SERVICES) summary

down: ## stop the services and the infrastructure this project started
	$(SERVICES) stop || true
	$(INFRA) down

RATE ?= 60
DURATION ?= 10m
SPEED ?= 20
simulate: build ## run the simulator in the foreground: make simulate RATE=<tickets/min> DURATION=<e.g. 10m> SPEED=<x real time>
	$(INFRA_ENV); SWITCHBOARD_API_KEY="$$(cat .local/run/admin-api-key)" node dist/apps/simulator/src/main.js run --rate $(RATE) --duration $(DURATION) --speed $(SPEED) --start-time 10:00

status: ## what is running
	$(INFRA) status || true
	$(SERVICES) status || true

test-int: build infra-up ## integration tests on the real infrastructure
	$(INFRA_ENV); npx jest --selectProjects integration --runInBand

test-e2e: build infra-up ## end-to-end tests: services as processes
	$(INFRA_ENV); npx jest --selectProjects e2e --runInBand

test: deps typecheck lint build infra-up ## the whole suite: gates, unit, integration, e2e
	$(INFRA_ENV); npx jest --ci --runInBand

bench: bench-intake bench-dispatch bench-dispatch-latency ## run the benchmarks (bench-intake, bench-dispatch, bench-dispatch-latency)

# Not a test: prints what it measured beside the targets. Uses KAFKA_BROKERS / DATABASE_URL (the
# services' defaults when unset) and makes its own database and topic prefix, removed at the end.
bench-intake: build ## intake tickets/s and added latency beside the raw kafkajs consume rate (BENCH_TICKETS, BENCH_RATE, BENCH_SECONDS)
	npx swc test/bench -d dist --quiet
	node dist/test/bench/intake-throughput.js

# Not a test either, and needs no infrastructure: dispatch's online policy on Solomon's VRPTW
# instances (test/bench/solomon/) against greedy-nearest and the published optimum.
bench-dispatch: build ## dispatch route quality on Solomon VRPTW: distance, windows missed, technicians vs optimum and greedy (BENCH_INSTANCES)
	npx swc test/bench -d dist --quiet
	node dist/test/bench/solomon-dispatch.js

# No infrastructure either: dispatch's decision latency on a generated province (10,000 technicians,
# 100,000 orders), TechnicianIndex beside the selector's scan of the region, in one run.
bench-dispatch-latency: build ## dispatch decision latency p50/p95/p99: spatial index vs scan (BENCH_SEED, BENCH_TECHNICIANS, BENCH_ORDERS, BENCH_DECISIONS)
	npx swc test/bench -d dist --quiet
	node dist/test/bench/dispatch-latency.js

clean: ## remove build output (keeps infrastructure data)
	rm -rf dist coverage
