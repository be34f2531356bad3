/* scms-csv.c
 *
 * Copyright 2026 The Sonoran Admin authors
 *
 * This program is free software: you can redistribute it and/or modify
 * it under the terms of the GNU General Public License as published by
 * the Free Software Foundation, either version 3 of the License, or
 * (at your option) any later version.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "scms-csv.h"

/*
 * RFC 4180 CSV for the exports: CRLF line ends, fields quoted when they
 * hold a comma, a quote or a line break, quotes doubled. Spreadsheets run
 * cells that start with = + - @ as formulas, so such cells get a leading
 * apostrophe (the OWASP "CSV injection" advice); member names come from
 * the community and cannot be trusted.
 */

static void
append_field (GString    *csv,
              const char *field)
{
  g_autofree char *guarded = NULL;
  const char *value = field != NULL ? field : "";

  if (strchr ("=+-@\t\r", value[0]) != NULL && value[0] != '\0')
    value = guarded = g_strconcat ("'", value, NULL);

  if (strpbrk (value, ",\"\r\n") == NULL)
    {
      g_string_append (csv, value);
      return;
    }

  g_string_append_c (csv, '"');
  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (csv, '"');
      g_string_append_c (csv, *p);
    }
  g_string_append_c (csv, '"');
}

/**
 * scms_csv_append_row:
 * @csv: the CSV text so far
 * @fields: (array zero-terminated=1): the cells of the row
 *
 * Appends one record, ended with CRLF.
 */
void
scms_csv_append_row (GString            *csv,
                     const char * const *fields)
{
  g_return_if_fail (csv != NULL);
  g_return_if_fail (fields != NULL);

  for (guint i = 0; fields[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append_c (csv, ',');
      append_field (csv, fields[i]);
    }

  g_string_append (csv, "\r\n");
}

/**
 * scms_csv_first_cell:
 * @line: one line of a CSV file, without its line end
 *
 * Reads the first cell of @line, unquoting it.
 *
 * Returns: (transfer full): the first cell
 */
char *
scms_csv_first_cell (const char *line)
{
  GString *cell;
  const char *p;

  g_return_val_if_fail (line != NULL, NULL);

  if (line[0] != '"')
    {
      const char *comma = strchr (line, ',');

      return comma != NULL ? g_strndup (line, comma - line) : g_strdup (line);
    }

  cell = g_string_new (NULL);
  for (p = line + 1; *p != '\0'; p++)
    {
      if (*p == '"')
        {
          if (p[1] != '"')
            break;
          p++;
        }
      g_string_append_c (cell, *p);
    }

  return g_string_free (cell, FALSE);
}
