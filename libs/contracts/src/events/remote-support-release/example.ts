import type { RemoteSupportRelease } from './schema';

export const remoteSupportReleaseExample: RemoteSupportRelease = {
  ticketId: '5b0f8f4e-5d0c-4d7a-9a43-3e6f0c1a2b11',
  agent: 'remote-support/hz-02',
  note: 'The ONT shows no light: needs a site visit.',
};
