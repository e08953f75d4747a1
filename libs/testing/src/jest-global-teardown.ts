/** Stops the containers that global setup started (only with SWITCHBOARD_TEST_INFRA=containers). */
export default async function globalTeardown(): Promise<void> {
  const containers = (globalThis as { __switchboardContainers?: { stop: () => Promise<void> } }).__switchboardContainers;
  await containers?.stop();
}
