/* bare-window.c — the cold-start yardstick: an empty GtkApplication window
 *
 * Copyright 2026 The Sonoran Admin authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Started the same way as sonoran-admin by build-aux/bench.sh, it prints
 * "first-frame <monotonic µs>" on stderr when its window first paints.
 * With --adwaita it is an empty AdwApplication window instead: not the
 * yardstick, but what libadwaita alone costs, for context.
 */

#include <adwaita.h>

static void
first_frame_cb (GdkFrameClock *frame_clock,
                gpointer       user_data)
{
  g_printerr ("first-frame %" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
  g_signal_handlers_disconnect_by_func (frame_clock, first_frame_cb, user_data);
}

static void
realize_cb (GtkWidget *window)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (first_frame_cb), NULL);
}

static void
activate_cb (GtkApplication *app)
{
  GtkWidget *window = ADW_IS_APPLICATION (app) ? adw_application_window_new (app)
                                               : gtk_application_window_new (app);

  gtk_window_set_title (GTK_WINDOW (window), "Bare Window");
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 600);
  g_signal_connect (window, "realize", G_CALLBACK (realize_cb), NULL);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GtkApplication) app = NULL;

  if (argc > 1 && g_str_equal (argv[1], "--adwaita"))
    app = GTK_APPLICATION (adw_application_new ("io.github.sonoranadmin.BareAdwaitaWindow",
                                                G_APPLICATION_NON_UNIQUE));
  else
    app = gtk_application_new ("io.github.sonoranadmin.BareWindow", G_APPLICATION_NON_UNIQUE);
  g_signal_connect (app, "activate", G_CALLBACK (activate_cb), NULL);

  return g_application_run (G_APPLICATION (app), 1, argv);
}
