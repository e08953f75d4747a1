import type { CommandRejected } from './schema';

export const commandRejectedExample: CommandRejected = { commandId: '0d7c1a52-4f8e-4b7e-8a55-7b3f2f5c9e02', commandType: 'assignment.complete', code: 'ASSIGNMENT.INVALID_TRANSITION', message: 'cannot complete an assignment that is assigned; arrive first', ticketId: '5b0f8f4e-5d0c-4d7a-9a43-3e6f0c1a2b11' };
