/** The import/export suite on in-memory PGlite. */
import { openDatabase } from '../openDatabase.ts';
import { describeImports } from './imports.suite.ts';

describeImports('pglite', () => openDatabase({ url: 'memory://' }));
