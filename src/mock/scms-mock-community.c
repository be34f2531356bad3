/* scms-mock-community.c — to be written */

#include "config.h"
