/* scms-clock-in.c — to be written */

#include "config.h"
