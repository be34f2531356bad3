/* scms-scheduler.c — to be written */

#include "config.h"
