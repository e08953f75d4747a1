# Switchboard — the two set-up commands are `make up` and `make test` (README.md).
SHELL := /usr/bin/env bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := help

INFRA    := deploy/local/infra.sh
SERVICES := deploy/local/services.sh
# Use the connection settings of the running (or external) infrastructure.
INFRA_ENV = eval "$$($(INFRA) env)"

.PHONY: help deps build typecheck lint schemas unit infra-up topics up down status simulate test test-int test-e2e bench bench-intake bench-dispatch bench-dispatch-latency bench-appointments bench-timers bench-kpis bench-scorecards bench-passwords clean

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

bench: bench-intake bench-dispatch bench-dispatch-latency bench-appointments bench-timers bench-kpis bench-scorecards bench-passwords ## run every benchmark below, one after another

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

# No infrastructure: appointment windows offered (route-aware insertion) beside a brute-force check.
bench-appointments: build ## appointment-slot offers: p50/p99 and disagreements with brute force (BENCH_OFFERS)
	npx swc test/bench -d dist --quiet
	node dist/test/bench/appointment-slots.js

# Redis only: SLA timer claims by the Lua script with several replicas (timers, replicas, window ms, batch).
bench-timers: build infra-up ## SLA timer claims on Redis: fires/s, lateness, double claims, bytes per timer
	node dist/apps/sla-monitor/src/cli/timer-claim-benchmark.js 200000 2 10000 1000

# Kafka and PostgreSQL: KPI freshness on scoring.kpis.v3 with a built scoring service at 2,000 events/s.
bench-kpis: build infra-up ## KPI window freshness p50/p95/p99 at 2,000 events/s beside the 2 s target
	npx swc test/bench -d dist --quiet
	node dist/test/bench/kpi-freshness.js

# PostgreSQL: a month close for 10,000 technicians and 1,000,000 orders (the load itself takes minutes, untimed).
bench-scorecards: build infra-up ## monthly scorecards: month-close seconds beside the 10 s target
	npx swc test/bench -d dist --quiet
	node dist/test/bench/scorecards.js

# No infrastructure: the scrypt cost of a login and the cost of checking a token.
bench-passwords: build ## scrypt hash/verify p50/p95 and JWT verify µs
	npx swc test/bench -d dist --quiet
	node dist/test/bench/password-hash.js

clean: ## remove build output (keeps infrastructure data)
	rm -rf dist coverage
