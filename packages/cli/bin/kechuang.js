#!/usr/bin/env node
// Runs the TypeScript entry point through tsx's ESM loader (the workspace ships TypeScript source).
import { register } from 'tsx/esm/api';

register();
await import(new URL('../src/main.ts', import.meta.url).href);
