// The screens' side (issue 18) uses migration versions 160-169: what the subscriber's
// screens need from the catalogue beyond the operator's texts.
import type { Migration } from './migrations';

export const SCREENS_MIGRATIONS: Migration[] = [
  {
    version: 160,
    name: 'catalogue texts carry the terms of a service in each language',
    sql: `ALTER TABLE catalogue_texts ADD COLUMN terms TEXT NOT NULL DEFAULT '';`,
  },
];
