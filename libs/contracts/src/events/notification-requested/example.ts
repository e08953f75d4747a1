import type { NotificationRequested } from './schema';

export const notificationRequestedExample: NotificationRequested = {
  notificationId: '3f2a1b0c-9d8e-4f7a-8b6c-5d4e3f2a1b0c',
  ticketId: '5b0f8f4e-5d0c-4d7a-9a43-3e6f0c1a2b11',
  channel: 'sms',
  to: '+86 571 5550 1234',
  template: 'dispatch.engineer-assigned',
  text: 'Your repair is assigned to engineer Wang Fang, +86 138 0000 0101. To supervise this service call 10000 or reply to this SMS.',
  data: { engineerName: 'Wang Fang', engineerPhone: '+86 138 0000 0101', supervisionChannel: '10000' },
};
