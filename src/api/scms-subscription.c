/* scms-subscription.c — to be written */

#include "config.h"
