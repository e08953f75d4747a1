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
import { AppointmentPlanner } from './appointments/appointment-planner';
import { BookAppointmentHandler } from './appointments/book-appointment.handler';
import { BookAppointmentMessageController } from './appointments/book-appointment.message.controller';
import { ApprovalsHandler } from './approvals/approvals.handler';
import { ApprovalsMessageController } from './approvals/approvals.message.controller';

@Module({
  imports: [PlatformModule.forService(dispatchService)],
  controllers: [
    AssignTicketMessageController,
    RedispatchTicketMessageController,
    RegisterTechnicianMessageController,
    ProgressAssignmentMessageController,
    RequestDispatchMessageController,
    InterceptTicketMessageController,
    SetRotaMessageController,
    RecordAbsenceMessageController,
    BookAppointmentMessageController,
    ApprovalsMessageController,
    DepartmentsMessageController,
  ],
  providers: [
    dispatchConfigProvider,
    TicketDispatcher,
    AssignTicketHandler,
    RedispatchTicketHandler,
    RegisterTechnicianHandler,
    ProgressAssignmentHandler,
    RequestDispatchHandler,
    InterceptTicketHandler,
    RotaKeeper,
    SetRotaHandler,
    RecordAbsenceHandler,
    AppointmentPlanner,
    BookAppointmentHandler,
    ApprovalsHandler,
    departmentConfigProvider,
    DepartmentDesk,
    DepartmentCommandsHandler,
  ],
})
export class DispatchModule {}
