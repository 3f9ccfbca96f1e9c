import { openDatabase } from '../src/index.ts';
import { describeAssessments } from './assessments.suite.ts';
import { describeIndicators } from './indicators.suite.ts';
import { describeRegistry } from './registry.suite.ts';

describeRegistry('PGlite (in memory)', () => openDatabase({ url: 'memory://' }));
describeIndicators('PGlite (in memory)', () => openDatabase({ url: 'memory://' }));
describeAssessments('PGlite (in memory)', () => openDatabase({ url: 'memory://' }));
