import { z } from 'zod';
import de from 'zod/v4/locales/de.js';

// Validation messages reach people (the 400 answer names the field and what is wrong), so zod
// speaks German everywhere the contract is loaded.
z.config(de());
