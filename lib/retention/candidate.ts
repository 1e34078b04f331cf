/** A row a chunk looks at: its own columns, and whether its record is held (HELD) or unfinished (UNFINISHED). */
export type Candidate<Columns> = Columns & { held: boolean; unfinished: boolean };
