/* test-member-finder.c
 *
 * Copyright 2026 The Sonoran Admin authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>

#include "scms-member-finder.h"

typedef struct
{
  guint       count;
  ScmsIdKind  kind;
  char       *identifier;
} Searched;

static void
search_cb (ScmsMemberFinder *finder,
           ScmsIdKind        kind,
           const char       *identifier,
           Searched         *searched)
{
  searched->count++;
  searched->kind = kind;
  g_free (searched->identifier);
  searched->identifier = g_strdup (identifier);
}

static void
test_finder_valid (void)
{
  ScmsMemberFinder *finder = g_object_ref_sink (g_object_new (SCMS_TYPE_MEMBER_FINDER, NULL));
  Searched searched = { 0 };

  g_signal_connect (finder, "search", G_CALLBACK (search_cb), &searched);

  scms_member_finder_set_kind (finder, SCMS_ID_KIND_UNIQUE_ID);
  scms_member_finder_set_text (finder, "  1042 ");
  g_assert_true (scms_member_finder_submit (finder));
  g_assert_cmpuint (searched.count, ==, 1);
  g_assert_cmpint (searched.kind, ==, SCMS_ID_KIND_UNIQUE_ID);
  g_assert_cmpstr (searched.identifier, ==, "1042");
  g_assert_null (scms_member_finder_get_message (finder));

  scms_member_finder_set_button_label (finder, "_Verify");
  g_assert_cmpstr (scms_member_finder_get_button_label (finder), ==, "_Verify");

  g_free (searched.identifier);
  g_assert_finalize_object (finder);
}

static void
notify_count_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

/* Look Up is the view's suggested action until the page says otherwise:
 * the blue of its button follows ScmsMemberFinder:suggested. */
static void
test_finder_suggested (void)
{
  ScmsMemberFinder *finder = g_object_ref_sink (g_object_new (SCMS_TYPE_MEMBER_FINDER, NULL));
  GtkWidget *button = NULL;
  guint notified = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (finder));
       child != NULL && button == NULL;
       child = gtk_widget_get_next_sibling (child))
    for (GtkWidget *grandchild = gtk_widget_get_first_child (child);
         grandchild != NULL && button == NULL;
         grandchild = gtk_widget_get_next_sibling (grandchild))
      if (GTK_IS_BUTTON (grandchild))
        button = grandchild;
  g_assert_nonnull (button);

  g_signal_connect (finder, "notify::suggested", G_CALLBACK (notify_count_cb), &notified);
  g_assert_true (scms_member_finder_get_suggested (finder));
  g_assert_true (gtk_widget_has_css_class (button, "suggested-action"));

  scms_member_finder_set_suggested (finder, FALSE);
  g_assert_false (scms_member_finder_get_suggested (finder));
  g_assert_false (gtk_widget_has_css_class (button, "suggested-action"));
  g_assert_cmpuint (notified, ==, 1);
  scms_member_finder_set_suggested (finder, FALSE);
  g_assert_cmpuint (notified, ==, 1);

  g_object_set (finder, "suggested", TRUE, NULL);
  g_assert_true (gtk_widget_has_css_class (button, "suggested-action"));
  g_assert_cmpuint (notified, ==, 2);

  g_assert_finalize_object (finder);
}

static void
test_finder_invalid (void)
{
  static const struct {
    ScmsIdKind  kind;
    const char *text;
  } bad[] = {
    { SCMS_ID_KIND_API_ID, "" },
    { SCMS_ID_KIND_USERNAME, "   " },
    { SCMS_ID_KIND_UNIQUE_ID, "12a" },
    { SCMS_ID_KIND_UNIQUE_ID, "-3" },
    { SCMS_ID_KIND_DISCORD, "1234" },
  };
  ScmsMemberFinder *finder = g_object_ref_sink (g_object_new (SCMS_TYPE_MEMBER_FINDER, NULL));
  Searched searched = { 0 };

  g_signal_connect (finder, "search", G_CALLBACK (search_cb), &searched);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      scms_member_finder_set_kind (finder, bad[i].kind);
      scms_member_finder_set_text (finder, bad[i].text);
      g_assert_false (scms_member_finder_submit (finder));
      g_assert_nonnull (scms_member_finder_get_message (finder));
      g_assert_cmpstr (scms_member_finder_get_message (finder), !=, "");
    }

  g_assert_cmpuint (searched.count, ==, 0);

  /* Typing again clears the message. */
  scms_member_finder_set_text (finder, "1");
  g_assert_null (scms_member_finder_get_message (finder));

  g_assert_finalize_object (finder);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  if (!gtk_init_check ())
    {
      if (g_getenv ("SCMS_TESTS_ALLOW_NO_DISPLAY") != NULL)
        {
          printf ("1..0 # SKIP no display\n");
          return 0;
        }

      g_printerr ("No display: run the GUI tests under Xvfb\n");
      return 1;
    }

  adw_init ();

  g_test_add_func ("/member-finder/valid", test_finder_valid);
  g_test_add_func ("/member-finder/invalid", test_finder_invalid);
  g_test_add_func ("/member-finder/suggested", test_finder_suggested);

  return g_test_run ();
}
