import { Module } from '@nestjs/common';
import { PlatformModule } from '@switchboard/platform';
import { AssignTicketHandler } from './assign-ticket/assign-ticket.handler';
import { AssignTicketMessageController } from './assign-ticket/assign-ticket.message.controller';
import { TicketDispatcher } from './assign-ticket/ticket-dispatcher';
import { dispatchConfigProvider } from './config/dispatch-config';
import { DepartmentCommandsHandler } from './departments/department-commands.handler';
import { departmentConfigProvider } from './departments/department-config';
import { DepartmentDesk } from './departments/department-desk';
import { DepartmentsMessageController } from './departments/departments.message.controller';
import { dispatchService } from './dispatch.service-descriptor';
import { InterceptTicketHandler } from './intercept-ticket/intercept-ticket.handler';
import { InterceptTicketMessageController } from './intercept-ticket/intercept-ticket.message.controller';
import { ProgressAssignmentHandler } from './progress-assignment/progress-assignment.handler';
import { ProgressAssignmentMessageController } from './progress-assignment/progress-assignment.message.controller';
import { RedispatchTicketHandler } from './redispatch-ticket/redispatch-ticket.handler';
import { RedispatchTicketMessageController } from './redispatch-ticket/redispatch-ticket.message.controller';
import { RegisterTechnicianHandler } from './register-technician/register-technician.handler';
import { RegisterTechnicianMessageController } from './register-technician/register-technician.message.controller';
import { RequestDispatchHandler } from './request-dispatch/request-dispatch.handler';
import { RequestDispatchMessageController } from './request-dispatch/request-dispatch.message.controller';
import { RecordAbsenceHandler } from './record-absence/record-absence.handler';
import { RecordAbsenceMessageController } from './record-absence/record-absence.message.controller';
import { RotaKeeper } from './rota/rota-keeper';
import { SetRotaHandler } from './set-rota/set-rota.handler';
import { SetRotaMessageController } from './set-rota/set-rota.message.controller';

@Module({
  imports: [PlatformModule.forService(dispatchService)],
  controllers: [AssignTicketMessageController, RedispatchTicketMessageController, RegisterTechnicianMessageController, ProgressAssignmentMessageController, RequestDispatchMessageController, InterceptTicketMessageController, SetRotaMessageController, RecordAbsenceMessageController, DepartmentsMessageController],
  providers: [dispatchConfigProvider, TicketDispatcher, AssignTicketHandler, RedispatchTicketHandler, RegisterTechnicianHandler, ProgressAssignmentHandler, RequestDispatchHandler, InterceptTicketHandler, RotaKeeper, SetRotaHandler, RecordAbsenceHandler, departmentConfigProvider, DepartmentDesk, DepartmentCommandsHandler],
})
export class DispatchModule {}
