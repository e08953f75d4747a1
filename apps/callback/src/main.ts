import { runService } from '@switchboard/platform';
import { CallbackModule } from './callback.module';
import { callbackService } from './callback.service-descriptor';

void runService(CallbackModule, callbackService);
