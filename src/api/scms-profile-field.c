/* scms-profile-field.c — to be written */

#include "config.h"
