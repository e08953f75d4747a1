import type { CustomerSetContactPreferences } from './schema';

export const customerSetContactPreferencesExample: CustomerSetContactPreferences = {
  customerId: 'CUST-0042',
  email: 'li.wei@example.com',
  timeZone: 'Asia/Urumqi',
  callbackChannel: 'email',
  at: '2026-11-24T02:10:00Z',
};
