/* scms-test-keys.h — real key presses for the GUI tests
 *
 * Copyright 2026 The Sonoran Admin authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GTK 4 has no public way to make a key event. These keys go through the
 * X server instead, as a keyboard's would, with XTest (which Xvfb has), so
 * that everything between the keyboard and the widget that should act
 * (shortcut controllers, key bindings, the focus chain) takes part. GTK
 * does not link libXtst: it is opened here.
 */

#pragma once

#include <gtk/gtk.h>

#ifdef GDK_WINDOWING_X11
#include <dlfcn.h>
#include <gdk/x11/gdkx.h>
#endif

#include "scms-test-loop.h"

static inline gboolean
scms_test_window_active (gpointer data)
{
  return gtk_window_is_active (GTK_WINDOW (data));
}

/*
 * Presses @keyvals on the X server's keyboard in order and lets them go in
 * reverse, e.g. { GDK_KEY_Control_L, GDK_KEY_f } for Ctrl+F, after giving
 * the window of @widget the focus. The keys reach whatever has the focus
 * in it. The GUI tests run on Xvfb: where keys cannot be pressed, the test
 * fails rather than passing without them.
 */
static inline void
press_keys (GtkWidget   *widget,
            const guint *keyvals,
            guint        n_keyvals)
{
#ifdef GDK_WINDOWING_X11
  typedef int (*FakeKeyEventFunc) (Display       *display,
                                   unsigned int   keycode,
                                   int            is_press,
                                   unsigned long  delay);
  static FakeKeyEventFunc fake_key_event;
  GdkDisplay *display = gtk_widget_get_display (widget);
  GtkWidget *window = GTK_WIDGET (gtk_widget_get_root (widget));
  g_autofree guint *keycodes = g_new (guint, n_keyvals);

  if (!GDK_IS_X11_DISPLAY (display))
    g_error ("The GUI tests press keys through Xvfb: run them on GTK's X11 backend");

  if (fake_key_event == NULL)
    {
      void *xtst = dlopen ("libXtst.so.6", RTLD_NOW | RTLD_LOCAL);

      if (xtst != NULL)
        fake_key_event = (FakeKeyEventFunc) dlsym (xtst, "XTestFakeKeyEvent");
      if (fake_key_event == NULL)
        g_error ("Could not press keys through XTest: is libxtst6 installed?");
    }

  for (guint i = 0; i < n_keyvals; i++)
    {
      g_autofree GdkKeymapKey *keys = NULL;
      int n_keys;

      g_assert_true (gdk_display_map_keyval (display, keyvals[i], &keys, &n_keys));
      keycodes[i] = keys[0].keycode;
    }

  /* Without a window manager, presenting a shown window gives it the
   * focus. */
  gtk_window_present (GTK_WINDOW (window));
  wait_until (scms_test_window_active, window, "the window to have the focus");

  for (guint i = 0; i < n_keyvals; i++)
    fake_key_event (gdk_x11_display_get_xdisplay (display), keycodes[i], TRUE, 0);
  for (guint i = n_keyvals; i > 0; i--)
    fake_key_event (gdk_x11_display_get_xdisplay (display), keycodes[i - 1], FALSE, 0);
  gdk_display_flush (display);

  /* The server sends them back as events: let GTK read and handle them.
   * What they should do is then waited for by the caller. */
  spin (100);
#else
  g_error ("The GUI tests press keys through Xvfb: build GTK's X11 backend");
#endif
}

/* Ctrl+@keyval. */
static inline void
press_ctrl (GtkWidget *widget,
            guint      keyval)
{
  guint keyvals[] = { GDK_KEY_Control_L, keyval };

  press_keys (widget, keyvals, G_N_ELEMENTS (keyvals));
}

/* One key, e.g. GDK_KEY_Escape. */
static inline void
press_key (GtkWidget *widget,
           guint      keyval)
{
  press_keys (widget, &keyval, 1);
}
