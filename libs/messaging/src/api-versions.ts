import { Socket } from 'node:net';

export interface ApiVersionRange {
  apiKey: number;
  minVersion: number;
  maxVersion: number;
}

/**
 * Asks a broker which protocol versions it serves (ApiVersions v0, KIP-35). kafkajs does not
 * expose this; the tests use it to prove the broker is a Kafka 4.x (KIP-896 removed the old
 * versions), so a silent downgrade of the local broker fails the suite.
 */
export function fetchApiVersions(broker: string, timeoutMs = 5_000): Promise<ApiVersionRange[]> {
  const [host, port] = broker.split(':');
  const clientId = Buffer.from('switchboard-api-versions');
  const body = Buffer.alloc(2 + 2 + 4 + 2 + clientId.length);
  body.writeInt16BE(18, 0); // ApiVersions
  body.writeInt16BE(0, 2);
  body.writeInt32BE(1, 4);
  body.writeInt16BE(clientId.length, 8);
  clientId.copy(body, 10);
  const frame = Buffer.alloc(4 + body.length);
  frame.writeInt32BE(body.length, 0);
  body.copy(frame, 4);
  return new Promise((resolve, reject) => {
    const socket = new Socket();
    let received = Buffer.alloc(0);
    socket.setTimeout(timeoutMs, () => socket.destroy(new Error(`no ApiVersions answer from ${broker} in ${timeoutMs} ms`)));
    socket.on('error', reject);
    socket.on('data', (chunk) => {
      received = Buffer.concat([received, chunk]);
      if (received.length < 4 || received.length < 4 + received.readInt32BE(0)) return;
      socket.end();
      const errorCode = received.readInt16BE(8);
      if (errorCode !== 0) return reject(new Error(`ApiVersions error code ${errorCode}`));
      const count = received.readInt32BE(10);
      const out: ApiVersionRange[] = [];
      for (let i = 0, o = 14; i < count; i++, o += 6) {
        out.push({ apiKey: received.readInt16BE(o), minVersion: received.readInt16BE(o + 2), maxVersion: received.readInt16BE(o + 4) });
      }
      resolve(out);
    });
    socket.connect(Number(port), host!, () => socket.write(frame));
  });
}
