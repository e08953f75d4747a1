import { z } from 'zod';
import { customerSetContactPreferencesExample, customerSetContactPreferencesSchema, id as codeId, surveyEmailReplyExample, surveyEmailReplySchema } from '@switchboard/contracts';
import { isTimeZone } from '@switchboard/time';
import type { ApiRoute } from '../http/api-routes';

/**
 * Email surveys and the customer's own time zone (issue 7): the call centre records how a
 * customer wants to be reached, and the mail provider delivers replies to email surveys. Both are
 * commands to callback on `callback.commands.v1`. Spread into `ApiRoutes`.
 */

const commandSent = { commandId: z.uuid(), status: z.literal('sent') };

export const customerContactRoutes = {
  setCustomerContactPreferences: {
    operationId: 'setCustomerContactPreferences',
    method: 'put',
    path: '/v1/customers/{id}/contact-preferences',
    tag: 'surveys',
    summary: "Record how a customer wants to be called back: email, time zone, preferred channel",
    description:
      'Sent to callback as `customer.set-contact-preferences`; replaces what was recorded before (a field left out is no longer set). ' +
      "Used for the customer's next callbacks: the preferred channel (`phone` by an agent, `sms`, `email`) when the policy does not make it a phone call and the customer can be reached by it; " +
      'email surveys go to `email`; quiet hours are read in `timeZone` (else the zone of the ticket\'s region). ' +
      'A time zone that is not an IANA zone, or `email` preferred without an address, is refused with 422 (and by callback for commands sent on Kafka: `command.rejected` `CUSTOMER.UNKNOWN_TIME_ZONE`, `CUSTOMER.EMAIL_REQUIRED`).',
    params: z.strictObject({ id: codeId }),
    body: customerSetContactPreferencesSchema.omit({ customerId: true, at: true }).superRefine((b, ctx) => {
      if (b.timeZone !== undefined && !isTimeZone(b.timeZone)) ctx.addIssue({ code: 'custom', path: ['timeZone'], message: 'not an IANA time zone (for example Asia/Urumqi)' });
      if (b.callbackChannel === 'email' && b.email === undefined) ctx.addIssue({ code: 'custom', path: ['email'], message: 'email is the preferred channel: an address is needed' });
    }),
    bodyExample: { email: customerSetContactPreferencesExample.email, timeZone: customerSetContactPreferencesExample.timeZone, callbackChannel: customerSetContactPreferencesExample.callbackChannel },
    responses: {
      202: { description: 'The preferences were sent to callback.', schema: z.object({ ...commandSent, customerId: z.string() }) },
    },
  },
  receiveEmailReply: {
    operationId: 'receiveEmailReply',
    method: 'post',
    path: '/v1/webhooks/email/inbound',
    tag: 'surveys',
    summary: "Inbound email webhook: a customer's reply to an email survey",
    description:
      'The mail provider posts each inbound message here (one JSON object, the format below). It is sent to callback as `survey.email-reply`, which matches it to the newest email survey ' +
      "waiting for an answer from that address and reads the reply's first own line (not quoted) as one digit per question (`5 4 5 5`). A reply that matches no survey or cannot be read is " +
      'refused there (`command.rejected`; the customer is asked again by email). The same `messageId` posted twice is one command.',
    body: surveyEmailReplySchema,
    bodyExample: surveyEmailReplyExample,
    responses: {
      202: { description: 'The reply was sent to callback.', schema: z.object({ ...commandSent, messageId: z.string() }) },
    },
  },
} as const satisfies Record<string, ApiRoute>;
