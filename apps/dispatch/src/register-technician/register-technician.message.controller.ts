import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import type { Envelope, TechnicianRegister } from '@switchboard/contracts';
import type { HandlerContext } from '@switchboard/messaging';
import { OnEvent } from '@switchboard/platform';
import { RegisterTechnicianHandler } from './register-technician.handler';

/** `technician.register` commands on `dispatch.commands.v1`. */
@Controller()
export class RegisterTechnicianMessageController {
  constructor(private readonly handler: RegisterTechnicianHandler) {}

  @OnEvent('technician.register')
  async onRegister(@Payload() command: Envelope<'technician.register', TechnicianRegister>, @Ctx() ctx: HandlerContext): Promise<void> {
    await this.handler.execute(command, ctx);
  }
}
