import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import type { AppointmentBook, Envelope } from '@switchboard/contracts';
import type { HandlerContext } from '@switchboard/messaging';
import { OnEvent } from '@switchboard/platform';
import { BookAppointmentHandler } from './book-appointment.handler';

/** `appointment.book` on `dispatch.commands.v1` (subject: ticketId). */
@Controller()
export class BookAppointmentMessageController {
  constructor(private readonly handler: BookAppointmentHandler) {}

  @OnEvent('appointment.book')
  async onBook(@Payload() command: Envelope<'appointment.book', AppointmentBook>, @Ctx() ctx: HandlerContext): Promise<void> {
    await this.handler.execute(command, ctx);
  }
}
