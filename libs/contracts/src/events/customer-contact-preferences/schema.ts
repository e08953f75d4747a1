import { z } from 'zod';
import { rfc3339 } from '../../envelope';
import { id } from '../common';

export const CUSTOMER_SET_CONTACT_PREFERENCES = 'customer.set-contact-preferences' as const;

/** How a customer wants to be called back after a resolution (domain.md §5 "回访方式"). */
export const callbackChannelPreferences = ['phone', 'sms', 'email'] as const;

/**
 * Command (callback.commands.v1, subject: customerId): what a customer told the call centre about
 * being reached — an email address, their own time zone, the callback channel they prefer. The v1
 * ticket carries only a phone number; this adds the rest without changing it. Each command
 * replaces the customer's preferences as a whole (a field left out is no longer set). Callback
 * uses them for the customer's next callbacks: the channel (when the policy does not make it a
 * phone call by an agent, and when the customer can be reached by it) and the quiet hours' zone.
 */
export const customerSetContactPreferencesSchema = z.strictObject({
  /** The call centre's customer id (`customer.id` of `ticket.received`). */
  customerId: id,
  email: z.email().max(254).optional(),
  /** An IANA time zone (`Asia/Urumqi`); callback refuses one it does not know (CUSTOMER.UNKNOWN_TIME_ZONE). */
  timeZone: z.string().min(1).max(64).optional(),
  callbackChannel: z.enum(callbackChannelPreferences).optional(),
  at: rfc3339,
});

export type CustomerSetContactPreferences = z.infer<typeof customerSetContactPreferencesSchema>;
