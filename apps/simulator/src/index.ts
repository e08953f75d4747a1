/** The simulator's pieces, for tests and benchmarks that drive it in-process. */
export { runSimulation, Simulation, type SimulationOptions } from './simulation';
export { seedDemo, type SeedResult } from './seed';
export { GatewayClient, GatewayError, type GatewayClientOptions, type TicketSubmitted } from './gateway/gateway-client';
export { readSse, SseParser, type SseMessage } from './gateway/sse';
export { KafkaTicketIngress, SIM_KAFKA_SOURCE, type TicketIngress } from './kafka/kafka-ingress';
export { DEMO_REGION, type DemoRegion, type DemoZone } from './domain/demo-region';
export { generateTicket, simulatedExternalId, simulatedExternalIdPrefix } from './domain/ticket-generator';
export { SeededRandom } from './domain/random';
export { zeroCounts, formatProgress, type SimulationCounts } from './progress';
