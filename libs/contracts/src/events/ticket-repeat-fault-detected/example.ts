import type { TicketRepeatFaultDetected } from './schema';

export const ticketRepeatFaultDetectedExample: TicketRepeatFaultDetected = {
  ticketId: '5b0f8f4e-5d0c-4d7a-9a43-3e6f0c1a2b11',
  previousTicketId: '0c6e2a1d-7f3b-4e8a-9b5c-2d4f6a8b0c13',
  customerTier: 'standard',
  service: 'broadband',
  region: 'hangzhou',
  daysSinceCompletion: 6,
  detectedAt: '2026-11-24T01:12:05Z',
};
