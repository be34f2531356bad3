/* test-identifier.c
 *
 * Copyright 2026 The Sonoran Admin authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>
#include <string.h>

#include "scms-error.h"
#include "scms-identifier.h"

static void
test_keys_and_labels (void)
{
  g_assert_cmpstr (scms_id_kind_get_key (SCMS_ID_KIND_API_ID), ==, "apiId");
  g_assert_cmpstr (scms_id_kind_get_key (SCMS_ID_KIND_USERNAME), ==, "username");
  g_assert_cmpstr (scms_id_kind_get_key (SCMS_ID_KIND_ACC_ID), ==, "accId");
  g_assert_cmpstr (scms_id_kind_get_key (SCMS_ID_KIND_DISCORD), ==, "discord");
  g_assert_cmpstr (scms_id_kind_get_key (SCMS_ID_KIND_UNIQUE_ID), ==, "uniqueId");

  g_assert_cmpstr (scms_id_kind_get_label (SCMS_ID_KIND_API_ID), ==, "API ID");
  g_assert_cmpstr (scms_id_kind_get_label (SCMS_ID_KIND_USERNAME), ==, "Username");
  g_assert_cmpstr (scms_id_kind_get_label (SCMS_ID_KIND_ACC_ID), ==, "Account ID");
  g_assert_cmpstr (scms_id_kind_get_label (SCMS_ID_KIND_DISCORD), ==, "Discord ID");
  g_assert_cmpstr (scms_id_kind_get_label (SCMS_ID_KIND_UNIQUE_ID), ==, "Unique ID");
}

static void
test_positive_integer (void)
{
  static const struct
  {
    const char *text;
    gboolean    ok;
    gint64      value;
  } cases[] = {
    { "1", TRUE, 1 },
    { "1042", TRUE, 1042 },
    { "0042", TRUE, 42 },
    { "9223372036854775807", TRUE, G_MAXINT64 },
    { "9223372036854775808", FALSE, 0 },
    { "99999999999999999999999", FALSE, 0 },
    { "0", FALSE, 0 },
    { "000", FALSE, 0 },
    { "", FALSE, 0 },
    { "-5", FALSE, 0 },
    { "+5", FALSE, 0 },
    { " 5", FALSE, 0 },
    { "5 ", FALSE, 0 },
    { "1e3", FALSE, 0 },
    { "12a", FALSE, 0 },
    { "١٢", FALSE, 0 },
  };

  g_assert_false (scms_parse_positive_integer (NULL, NULL));

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gint64 value = -7;

      g_test_message ("case %u", i);
      g_assert_cmpint (scms_parse_positive_integer (cases[i].text, &value), ==, cases[i].ok);
      if (cases[i].ok)
        g_assert_cmpint (value, ==, cases[i].value);
      else
        g_assert_cmpint (value, ==, -7);
    }
}

static void
test_normalize_valid (void)
{
  static const struct
  {
    ScmsIdKind  kind;
    const char *text;
    const char *expected;
  } cases[] = {
    { SCMS_ID_KIND_API_ID, "  430291437292752760\t", "430291437292752760" },
    { SCMS_ID_KIND_API_ID, "steam:11000010a1b2c3d", "steam:11000010a1b2c3d" },
    { SCMS_ID_KIND_USERNAME, " Elena Ashgrove ", "Elena Ashgrove" },
    { SCMS_ID_KIND_USERNAME, "Zoë Ñúñez", "Zoë Ñúñez" },
    /* Opaque: a version-1 UUID and even a non-UUID are accepted. */
    { SCMS_ID_KIND_ACC_ID, "d5663516-ee35-11e9-81b4-2a2ae2dbcce4", "d5663516-ee35-11e9-81b4-2a2ae2dbcce4" },
    { SCMS_ID_KIND_ACC_ID, "not-a-uuid", "not-a-uuid" },
    { SCMS_ID_KIND_DISCORD, "43029143729275276", "43029143729275276" },
    { SCMS_ID_KIND_DISCORD, " 430291437292752760 ", "430291437292752760" },
    { SCMS_ID_KIND_DISCORD, "12345678901234567890", "12345678901234567890" },
    { SCMS_ID_KIND_UNIQUE_ID, "1042", "1042" },
    { SCMS_ID_KIND_UNIQUE_ID, " 0042\n", "42" },
    /* Pasted with invisible characters around it: a zero-width space and a
     * left-to-right mark, a byte order mark and a no-break space, a
     * right-to-left mark after a right-to-left name. */
    { SCMS_ID_KIND_API_ID, "\xe2\x80\x8b" "430291437292752760" "\xe2\x80\x8e",
      "430291437292752760" },
    { SCMS_ID_KIND_USERNAME, "\xef\xbb\xbf" "Elena Ashgrove" "\xc2\xa0", "Elena Ashgrove" },
    { SCMS_ID_KIND_DISCORD, "\xe2\x80\x8e" "430291437292752760", "430291437292752760" },
    { SCMS_ID_KIND_USERNAME, "يوسف الحداد" "\xe2\x80\x8f", "يوسف الحداد" },
    /* Zero-width joiners make one emoji of several: they stay. */
    { SCMS_ID_KIND_USERNAME, "Ada \xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x9a\x92",
      "Ada \xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x9a\x92" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *result = NULL;

      g_test_message ("case %u", i);
      result = scms_identifier_normalize (cases[i].kind, cases[i].text, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (result, ==, cases[i].expected);
    }
}

static void
test_normalize_invalid (void)
{
  g_autofree char *long_text = g_strnfill (SCMS_IDENTIFIER_MAX_LENGTH + 1, 'a');
  g_autofree char *max_text = g_strnfill (SCMS_IDENTIFIER_MAX_LENGTH, 'a');
  g_autoptr(GString) long_utf8 = g_string_new (NULL);
  g_autoptr(GError) max_error = NULL;
  g_autofree char *max_result = NULL;
  const struct
  {
    ScmsIdKind  kind;
    const char *text;
    const char *message_part;
  } cases[] = {
    { SCMS_ID_KIND_API_ID, "", "Enter" },
    { SCMS_ID_KIND_API_ID, NULL, "Enter" },
    { SCMS_ID_KIND_USERNAME, "   \t\n ", "Enter" },
    { SCMS_ID_KIND_API_ID, long_text, "too long" },
    { SCMS_ID_KIND_USERNAME, "Elena\x01" "Ashgrove", "characters" },
    { SCMS_ID_KIND_USERNAME, "Elena\nAshgrove", "characters" },
    { SCMS_ID_KIND_USERNAME, "Elena\xc2\x85" "x", "characters" },
    { SCMS_ID_KIND_API_ID, "\xff\xfe", "not valid text" },
    { SCMS_ID_KIND_USERNAME, "\xe2\x80\x8b\xe2\x80\x8e", "Enter" },
    { SCMS_ID_KIND_USERNAME, "Elena" "\xe2\x80\x8b" "Ashgrove", "invisible characters" },
    { SCMS_ID_KIND_ACC_ID, "d5663516" "\xe2\x80\xae" "ee35", "invisible characters" },
    { SCMS_ID_KIND_API_ID, "4302914372" "\xc2\xad" "92752760", "invisible characters" },
    { SCMS_ID_KIND_DISCORD, "4302914372927527", "17 to 20 digits" },
    { SCMS_ID_KIND_DISCORD, "123456789012345678901", "17 to 20 digits" },
    { SCMS_ID_KIND_DISCORD, "43029143729275276a", "17 to 20 digits" },
    { SCMS_ID_KIND_DISCORD, "-430291437292752760", "17 to 20 digits" },
    { SCMS_ID_KIND_DISCORD, "430291437292 752760", "17 to 20 digits" },
    { SCMS_ID_KIND_UNIQUE_ID, "0", "greater than zero" },
    { SCMS_ID_KIND_UNIQUE_ID, "-3", "greater than zero" },
    { SCMS_ID_KIND_UNIQUE_ID, "+3", "greater than zero" },
    { SCMS_ID_KIND_UNIQUE_ID, "12.5", "greater than zero" },
    { SCMS_ID_KIND_UNIQUE_ID, "99999999999999999999", "greater than zero" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *result = NULL;

      g_test_message ("case %u", i);
      result = scms_identifier_normalize (cases[i].kind, cases[i].text, &error);
      g_assert_null (result);
      g_assert_error (error, SCMS_CLIENT_ERROR, SCMS_CLIENT_ERROR_INVALID_INPUT);
      g_assert_nonnull (strstr (error->message, cases[i].message_part));
    }

  /* Exactly the maximum is fine; the limit counts characters, not bytes. */
  max_result = scms_identifier_normalize (SCMS_ID_KIND_API_ID, max_text, &max_error);
  g_assert_no_error (max_error);
  g_assert_cmpstr (max_result, ==, max_text);

  for (guint i = 0; i < SCMS_IDENTIFIER_MAX_LENGTH; i++)
    g_string_append (long_utf8, "é");
  g_clear_pointer (&max_result, g_free);
  max_result = scms_identifier_normalize (SCMS_ID_KIND_USERNAME, long_utf8->str, &max_error);
  g_assert_no_error (max_error);
  g_assert_cmpstr (max_result, ==, long_utf8->str);
}

static void
test_error_helpers (void)
{
  g_autoptr(GError) cancelled = g_error_new_literal (SCMS_CLIENT_ERROR, SCMS_CLIENT_ERROR_CANCELLED, "x");
  g_autoptr(GError) io_cancelled = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED, "x");
  g_autoptr(GError) key = g_error_new_literal (SCMS_CLIENT_ERROR, SCMS_CLIENT_ERROR_INVALID_API_KEY, "x");
  g_autoptr(GError) community = g_error_new_literal (SCMS_CLIENT_ERROR, SCMS_CLIENT_ERROR_INVALID_COMMUNITY_ID, "x");
  g_autoptr(GError) server = g_error_new_literal (SCMS_CLIENT_ERROR, SCMS_CLIENT_ERROR_SERVER, "x");
  g_autoptr(GError) io_other = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_FAILED, "x");

  g_assert_true (scms_client_error_is_cancelled (cancelled));
  g_assert_true (scms_client_error_is_cancelled (io_cancelled));
  g_assert_false (scms_client_error_is_cancelled (server));
  g_assert_false (scms_client_error_is_cancelled (io_other));
  g_assert_false (scms_client_error_is_cancelled (NULL));

  g_assert_true (scms_client_error_is_credentials (key));
  g_assert_true (scms_client_error_is_credentials (community));
  g_assert_false (scms_client_error_is_credentials (server));
  g_assert_false (scms_client_error_is_credentials (cancelled));
  g_assert_false (scms_client_error_is_credentials (NULL));

  g_assert_cmpstr (scms_client_error_to_string (SCMS_CLIENT_ERROR_INVALID_API_KEY), ==,
                   "The server rejected the API key. Check the key in the community’s API Integration settings.");
  for (int code = SCMS_CLIENT_ERROR_INVALID_API_KEY; code <= SCMS_CLIENT_ERROR_CANCELLED; code++)
    {
      const char *text = scms_client_error_to_string (code);

      g_assert_nonnull (text);
      g_assert_cmpuint (strlen (text), >, 10);
      if (code > SCMS_CLIENT_ERROR_INVALID_API_KEY)
        g_assert_cmpstr (text, !=, scms_client_error_to_string (code - 1));
    }

  g_assert_cmpuint (SCMS_CLIENT_ERROR, ==, g_quark_from_static_string ("scms-client-error-quark"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/identifier/keys-and-labels", test_keys_and_labels);
  g_test_add_func ("/identifier/positive-integer", test_positive_integer);
  g_test_add_func ("/identifier/normalize-valid", test_normalize_valid);
  g_test_add_func ("/identifier/normalize-invalid", test_normalize_invalid);
  g_test_add_func ("/identifier/error-helpers", test_error_helpers);

  return g_test_run ();
}
