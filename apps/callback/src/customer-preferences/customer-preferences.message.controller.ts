import { Controller, Inject } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { makeEvent, Topics, type CustomerSetContactPreferences, type Envelope } from '@switchboard/contracts';
import type { HandlerContext } from '@switchboard/messaging';
import { CLOCK, type Clock } from '@switchboard/persistence';
import { OnEvent } from '@switchboard/platform';
import { isTimeZone } from '@switchboard/time';
import { SOURCE } from '../persistence/source';

export const CustomerPreferenceErrors = {
  /** The time zone is not an IANA zone this runtime knows. */
  UnknownTimeZone: 'CUSTOMER.UNKNOWN_TIME_ZONE',
  /** Email preferred, but no address given. */
  EmailRequired: 'CUSTOMER.EMAIL_REQUIRED',
} as const;

/**
 * `customer.set-contact-preferences` (issue 7): what a customer told the call centre about being
 * reached, kept by customer id for their next callbacks — the channel (`callbackChannelFor`), the
 * address an email survey goes to, the zone their quiet hours are read in. The newest command (by
 * its `at`) wins, so a late redelivery of an older one changes nothing. A zone this runtime does
 * not know, or email preferred without an address, is refused (`command.rejected`).
 */
@Controller()
export class CustomerPreferencesMessageController {
  constructor(@Inject(CLOCK) private readonly clock: Clock) {}

  @OnEvent('customer.set-contact-preferences')
  async onSet(@Payload() command: Envelope<'customer.set-contact-preferences', CustomerSetContactPreferences>, @Ctx() ctx: HandlerContext): Promise<void> {
    const p = command.data;
    if (p.timeZone !== undefined && !isTimeZone(p.timeZone)) {
      return this.reject(command, ctx, CustomerPreferenceErrors.UnknownTimeZone, `${JSON.stringify(p.timeZone)} is not an IANA time zone (for example Asia/Urumqi)`);
    }
    if (p.callbackChannel === 'email' && p.email === undefined) {
      return this.reject(command, ctx, CustomerPreferenceErrors.EmailRequired, 'email is preferred for callbacks, but no email address was given');
    }
    await ctx.manager.query(
      `INSERT INTO customer_preferences (customer_id, email, time_zone, callback_channel, set_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (customer_id) DO UPDATE SET email = EXCLUDED.email, time_zone = EXCLUDED.time_zone, callback_channel = EXCLUDED.callback_channel, set_at = EXCLUDED.set_at
        WHERE customer_preferences.set_at <= EXCLUDED.set_at`,
      [p.customerId, p.email ?? null, p.timeZone ?? null, p.callbackChannel ?? null, new Date(p.at)],
    );
  }

  private async reject(command: Envelope<'customer.set-contact-preferences', CustomerSetContactPreferences>, ctx: HandlerContext, code: string, message: string): Promise<void> {
    await ctx.emit({
      topic: Topics.CallbackSurveys,
      envelope: makeEvent(
        'command.rejected',
        { commandId: command.id, commandType: command.type, code, message },
        { source: SOURCE, subject: command.subject, time: this.clock.now(), correlationId: command.correlationId ?? command.id, causationId: command.id },
      ),
    });
  }
}
