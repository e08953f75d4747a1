import { runService } from '@switchboard/platform';
import { ScoringModule } from './scoring.module';
import { scoringService } from './scoring.service-descriptor';

void runService(ScoringModule, scoringService);
