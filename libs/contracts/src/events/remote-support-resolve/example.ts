import type { RemoteSupportResolve } from './schema';

export const remoteSupportResolveExample: RemoteSupportResolve = {
  ticketId: '5b0f8f4e-5d0c-4d7a-9a43-3e6f0c1a2b11',
  code: 'line-reset',
  note: 'We reset your line remotely; your broadband is working again.',
  agent: 'remote-support/hz-02',
};
