import { runService } from '@switchboard/platform';
import { IntakeModule } from './intake.module';
import { intakeService } from './intake.service-descriptor';

void runService(IntakeModule, intakeService);
