import { openDatabase } from '@kechuang/registry';
import { describeApi } from './api.suite.ts';

describeApi('PGlite (in memory)', () => openDatabase({ url: 'memory://' }));
