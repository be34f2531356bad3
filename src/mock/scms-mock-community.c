/* scms-mock-community.c — the mock's deterministic invented community
 *
 * Copyright 2026 The Sonoran Admin authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "scms-mock-community.h"

/* The departments, ranks, profile fields and clock-in types are exactly the
 * ones of the reference examples (get_departments.200.json and friends), so
 * the ids in every reply cross-reference like the documentation's do. */
static const ScmsMockRank ranks[] = {
  { "04af39bd-6008-4191-9d21-8a1facb0debe", "Cadet", 10, 0 },
  { "53294416-b5b3-4c50-9ab9-3bed8b3a056e", "Officer", 20, 0 },
  { "39b0303a-b2b2-4245-a468-248c87c70af7", "Corporal", 30, 0 },
  { "d84abf9a-95de-4aa7-a0be-c528ca150c3a", "Sergeant", 40, 0 },
  { "6f306a32-0238-4442-968b-5ee0ad670ded", "Lieutenant", 60, 0 },
  { "d1c047c7-a0d2-4a59-9f59-b04060981e88", "Chief of Police", 90, 0 },
  { "db6713df-c1cb-4d1b-b0fa-dab129e49b8e", "Deputy Trainee", 10, 1 },
  { "5d1117b0-f4f5-476a-a71d-870dee7c7c44", "Deputy", 20, 1 },
  { "e35baae1-d3b1-4be4-8ffc-59152b96913e", "Sergeant", 40, 1 },
  { "f4f49a8e-0d51-451f-a017-cf19e4efe13d", "Sheriff", 90, 1 },
  { "ba33b278-0cd1-4596-aa0b-975cc45b83e9", "Probationary Firefighter", 10, 2 },
  { "5f47701f-583e-43a4-b01a-e3aa550a526a", "Firefighter", 20, 2 },
  { "32b96709-eb30-4369-97a9-7a2ceacd4a48", "Captain", 50, 2 },
  { "bd4dcda0-27b6-4379-b195-3773e2658c15", "Dispatcher", 20, 3 },
  { "f046d942-9408-4e3f-b83a-ae5e6bae3374", "Dispatch Supervisor", 45, 3 },
  { "1bb2bb61-2504-411e-8672-3478b313af42", "Member", 5, 4 },
  { "e23080bf-5a66-42d7-b801-c7c62ed9b2e7", "Moderator", 70, 4 },
  { "eb00e834-58fa-475a-ba11-7535fbd4c5c8", "Administrator", 95, 4 },
};

enum
{
  RANK_CBPD_CADET = 0,
  RANK_CBPD_OFFICER,
  RANK_CBPD_CORPORAL,
  RANK_CBPD_SERGEANT,
  RANK_CBPD_LIEUTENANT,
  RANK_CBPD_CHIEF,
  RANK_SCSO_TRAINEE,
  RANK_SCSO_DEPUTY,
  RANK_SCSO_SERGEANT,
  RANK_SCSO_SHERIFF,
  RANK_CBFR_PROBATIONARY,
  RANK_CBFR_FIREFIGHTER,
  RANK_CBFR_CAPTAIN,
  RANK_COMMS_DISPATCHER,
  RANK_COMMS_SUPERVISOR,
  RANK_STAFF_MEMBER,
  RANK_STAFF_MODERATOR,
  RANK_STAFF_ADMINISTRATOR,
  N_RANKS
};

G_STATIC_ASSERT (G_N_ELEMENTS (ranks) == N_RANKS);

static const ScmsMockDepartment departments[] = {
  { "8a2859c3-dea9-4f8b-9f8f-7d5b73981515", "Copper Basin Police Department", "CBPD", 0, 6 },
  { "0bafb83c-fb10-466a-9603-dbbcacb31b79", "Saguaro County Sheriff's Office", "SCSO", 6, 4 },
  { "484b4f15-2794-44ef-bf18-98587e9d5306", "Copper Basin Fire & Rescue", "CBFR", 10, 3 },
  { "fba12001-638a-47f5-8a9b-c84199089bec", "Emergency Communications", "COMMS", 13, 2 },
  { "bc6a1452-589c-4989-a371-ae98d5e733ea", "Community Staff", "STAFF", 15, 3 },
};

static const char * const time_zones[] = {
  "UTC-8 (Pacific)",
  "UTC-7 (Mountain)",
  "UTC-6 (Central)",
  "UTC-5 (Eastern)",
  NULL
};

static const ScmsMockProfileField profile_fields[] = {
  { "e31cf161-1e0c-49fa-905b-309e74936358", "text array", "Certifications", NULL },
  { "420514b2-d69c-4b8d-b8f6-a532b66d7b5b", "select", "Time Zone", time_zones },
  { "d6584d76-58c1-4775-81e4-b55fb14e0031", "text", "Radio Callsign", NULL },
};

static const char * const certifications[] = {
  "Field Training Officer",
  "Radar/Lidar Operator",
  "Emergency Vehicle Operations",
  "Crisis Negotiator",
  "Emergency Medical Technician",
  "Hazmat Technician",
  NULL
};

static const ScmsMockClockInType clock_in_types[] = {
  { "ad707263-e9df-4304-a827-05e669826e1d", "Patrol" },
  { "83aef165-f0a2-4df8-bd97-1ef39278a38a", "Training" },
  { "c0d8b9b8-fc74-43a2-8d99-e326e574850e", "Administrative" },
};

#define BIT(n) (1u << (n))

/* The two servers of the reference's community (get_game_servers.200.json;
 * its server 3 only comes with set_game_servers, which the app does not
 * call). Server 1 allows every department rank and the senior staff, but
 * blocks cadets (block beats allow) so BLOCKED FOR WHITELIST can happen;
 * server 2 is for trainees. */
static const ScmsMockGameServer game_servers[] = {
  {
    1, "Copper Basin | Main", "Primary FiveM roleplay server",
    (BIT (RANK_COMMS_SUPERVISOR + 1) - 1)
    | BIT (RANK_STAFF_MODERATOR) | BIT (RANK_STAFF_ADMINISTRATOR),
    BIT (RANK_CBPD_CADET),
  },
  {
    2, "Copper Basin | Training", "Academy and certification server",
    BIT (RANK_CBPD_CADET) | BIT (RANK_SCSO_TRAINEE) | BIT (RANK_CBFR_PROBATIONARY)
    | BIT (RANK_STAFF_ADMINISTRATOR),
    0,
  },
};

static const char * const first_names[] = {
  "Aaliyah", "Amara", "Andre", "Beatriz", "Caleb", "Camila", "Dario", "Delia", "Emeka", "Esme",
  "Felix", "Freya", "Gideon", "Hana", "Ibrahim", "Imogen", "Jasper", "Keiko", "Lachlan", "Leona",
  "Marisol", "Mateo", "Nadia", "Nikolai", "Odette", "Oren", "Paloma", "Quentin", "Rafael",
  "Rosalind", "Samir", "Saoirse", "Tamsin", "Teodor", "Uma", "Vikram", "Wren", "Xavier", "Yara",
  "Zane", "José", "Zoë", "Siobhán", "Łukasz", "Björn", "Renée",
};

static const char * const last_names[] = {
  "Abernathy", "Baptiste", "Calloway", "Dunmore", "Eastwood", "Fairbanks", "Galloway",
  "Hargrove", "Ibarra", "Jessup", "Kowalski", "Lindqvist", "Maldonado", "Nakamura", "Okafor",
  "Pendleton", "Quintero", "Ramsay", "Salazar", "Thackeray", "Underhill", "Valdez", "Whitlock",
  "Yazzie", "Zamora", "Brennan", "Delacroix", "Montoya", "Sandoval", "Tsosie", "Núñez",
  "Müller", "Ó Briain", "Nguyễn", "Castañeda",
};

/* One right-to-left name, to exercise bidirectional text in the client. */
#define RTL_NAME     "يوسف الحداد"
#define RTL_POSITION 7

const ScmsMockRank *
scms_mock_ranks (guint *n_ranks)
{
  *n_ranks = G_N_ELEMENTS (ranks);
  return ranks;
}

const ScmsMockDepartment *
scms_mock_departments (guint *n_departments)
{
  *n_departments = G_N_ELEMENTS (departments);
  return departments;
}

const ScmsMockProfileField *
scms_mock_profile_fields (guint *n_fields)
{
  *n_fields = G_N_ELEMENTS (profile_fields);
  return profile_fields;
}

const char * const *
scms_mock_certifications (void)
{
  return certifications;
}

const ScmsMockClockInType *
scms_mock_clock_in_types (guint *n_types)
{
  *n_types = G_N_ELEMENTS (clock_in_types);
  return clock_in_types;
}

const ScmsMockGameServer *
scms_mock_game_servers (guint *n_servers)
{
  *n_servers = G_N_ELEMENTS (game_servers);
  return game_servers;
}

const ScmsMockGameServer *
scms_mock_find_game_server (gint64 id)
{
  for (guint i = 0; i < G_N_ELEMENTS (game_servers); i++)
    {
      if (game_servers[i].id == id)
        return &game_servers[i];
    }

  return NULL;
}

struct _ScmsMockCommunity
{
  ScmsMockMember *members;
  guint           n_members;
  GStringChunk   *strings;
};

/* xorshift64*: tiny, fast and, above all, the same on every machine and run
 * (g_random is seeded from the clock unless told otherwise). */
typedef struct
{
  guint64 state;
} Prng;

static guint64
prng_next (Prng *prng)
{
  guint64 x = prng->state;

  x ^= x >> 12;
  x ^= x << 25;
  x ^= x >> 27;
  prng->state = x;

  return x * G_GUINT64_CONSTANT (0x2545F4914F6CDD1D);
}

static guint
prng_below (Prng  *prng,
            guint  bound)
{
  return (guint) ((prng_next (prng) >> 32) % bound);
}

static gint64
local_unix (int year,
            int month,
            int day,
            int hour,
            int minute,
            int second)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_offset (-7 * 3600);
  g_autoptr(GDateTime) dt = g_date_time_new (tz, year, month, day, hour, minute, second);

  return g_date_time_to_unix (dt);
}

char *
scms_mock_format_timestamp (gint64 unix_us)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_offset (-7 * 3600);
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (unix_us / G_USEC_PER_SEC);
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *base = NULL;

  local = g_date_time_to_timezone (utc, tz);
  base = g_date_time_format (local, "%Y-%m-%d %H:%M:%S");

  return g_strdup_printf ("%s.%03d -0700", base, (int) ((unix_us % G_USEC_PER_SEC) / 1000));
}

static void
add_example_members (ScmsMockCommunity *self)
{
  ScmsMockMember *m;

  /* Tobias Wrenfield: the owner, bypasses every whitelist. */
  m = &self->members[0];
  m->acc_id = "5e3f2c10-1d4a-11ed-9b6a-8f3c2d1e0a47";
  m->acc_name = "Tobias Wrenfield";
  m->com_name = "T. Wrenfield";
  m->discord_id = "871923189533843206";
  m->api_ids[0] = "871923189533843206";
  m->n_api_ids = 1;
  m->ranks[0] = RANK_STAFF_ADMINISTRATOR;
  m->n_ranks = 1;
  m->unique_id = 1001;
  m->primary_identifier = "C-1";
  m->join_date = local_unix (2022, 8, 16, 10, 2, 45);
  m->last_login = local_unix (2026, 6, 2, 21, 7, 12);
  m->time_zone = 1;
  m->callsign = "Command-1";
  m->owner = TRUE;
  m->sys_status = TRUE;
  m->com_status = TRUE;

  /* Elena Ashgrove: the member of every documentation example. */
  m = &self->members[1];
  m->acc_id = "bf2aa8f1-4ee6-449c-b90b-a9e7e0888c79";
  m->acc_name = "Elena Ashgrove";
  m->com_name = "E. Ashgrove";
  m->discord_id = "430291437292752760";
  m->api_ids[0] = "430291437292752760";
  m->api_ids[1] = "9b4e07d2c61a5f38e0d7b2a94c1f6e83d5a0b729";
  m->n_api_ids = 2;
  m->ranks[0] = RANK_CBPD_SERGEANT;
  m->ranks[1] = RANK_COMMS_DISPATCHER;
  m->ranks[2] = RANK_STAFF_MEMBER;
  m->n_ranks = 3;
  m->unique_id = 1042;
  m->primary_identifier = "1A-12";
  m->join_date = local_unix (2024, 3, 9, 19, 14, 22);
  m->last_login = local_unix (2026, 6, 2, 18, 51, 37);
  m->certifications = BIT (0) | BIT (1);
  m->time_zone = 1;
  m->callsign = "Sierra-12";
  m->sys_status = TRUE;
  m->com_status = TRUE;

  /* Dale Mercer: banned. */
  m = &self->members[2];
  m->acc_id = "550d96ec-ba32-40a5-9cfd-7a4bb16ef1fa";
  m->acc_name = "Dale Mercer";
  m->com_name = "D. Mercer";
  m->discord_id = "479682641533120586";
  m->api_ids[0] = "479682641533120586";
  m->n_api_ids = 1;
  m->unique_id = 1058;
  m->primary_identifier = "";
  m->join_date = local_unix (2024, 5, 21, 8, 40, 3);
  m->last_login = local_unix (2025, 11, 14, 22, 19, 55);
  m->time_zone = -1;
  m->banned = TRUE;
  m->com_status = TRUE;

  /* Jonah Castellano: SCSO deputy and firefighter. */
  m = &self->members[3];
  m->acc_id = "c8597d8c-bbe8-41a3-a28f-3e09cca0450c";
  m->acc_name = "Jonah Castellano";
  m->com_name = "J. Castellano";
  m->discord_id = "657396607349036595";
  m->api_ids[0] = "657396607349036595";
  m->api_ids[1] = "3f9a1c7e5b2d48a6c0e1f7b3d9a5c2e8b4f6a0d1";
  m->n_api_ids = 2;
  m->ranks[0] = RANK_SCSO_DEPUTY;
  m->ranks[1] = RANK_CBFR_FIREFIGHTER;
  m->n_ranks = 2;
  m->unique_id = 1077;
  m->primary_identifier = "2S-07";
  m->join_date = local_unix (2024, 9, 2, 17, 26, 41);
  m->last_login = local_unix (2026, 5, 30, 20, 3, 9);
  m->certifications = BIT (4);
  m->time_zone = 0;
  m->callsign = "Lincoln-7";
  m->sys_status = TRUE;
  m->com_status = TRUE;

  /* Priya Halloran: applied, still pending. */
  m = &self->members[4];
  m->acc_id = "6fec9b0a-0fdf-4123-bac0-9c5778312947";
  m->acc_name = "Priya Halloran";
  m->com_name = "P. Halloran";
  m->discord_id = "684737923142603598";
  m->api_ids[0] = "684737923142603598";
  m->n_api_ids = 1;
  m->unique_id = 1103;
  m->primary_identifier = "";
  m->join_date = local_unix (2026, 5, 28, 12, 5, 30);
  m->last_login = local_unix (2026, 5, 28, 12, 5, 30);
  m->time_zone = 2;
  m->sys_status = TRUE;
}

static const char *
insert_hex (GStringChunk *strings,
            Prng         *prng,
            guint         n_digits,
            gboolean      uuid)
{
  static const char hex[] = "0123456789abcdef";
  char buf[64];
  guint pos = 0;

  for (guint i = 0; i < n_digits; i++)
    {
      if (uuid && (i == 8 || i == 12 || i == 16 || i == 20))
        buf[pos++] = '-';
      if (uuid && i == 12)
        buf[pos++] = '4';
      else if (uuid && i == 16)
        buf[pos++] = hex[8 + prng_below (prng, 4)];
      else
        buf[pos++] = hex[prng_below (prng, 16)];
    }
  buf[pos] = '\0';

  return g_string_chunk_insert (strings, buf);
}

static const char *
insert_snowflake (GStringChunk *strings,
                  Prng         *prng)
{
  char buf[20];

  buf[0] = (char) ('1' + prng_below (prng, 9));
  for (guint i = 1; i < 18; i++)
    buf[i] = (char) ('0' + prng_below (prng, 10));
  buf[18] = '\0';

  return g_string_chunk_insert (strings, buf);
}

static void
generate_member (ScmsMockCommunity *self,
                 Prng              *prng,
                 gint64             epoch,
                 guint              index,
                 guint              serial)
{
  ScmsMockMember *m = &self->members[index];
  const guint n_first = G_N_ELEMENTS (first_names);
  const guint n_last = G_N_ELEMENTS (last_names);
  const guint n_combos = n_first * n_last;
  /* 7919 is prime and does not divide n_combos, so this walks every name
   * combination once before any repeats: names stay unique with a numeric
   * suffix after the first round. */
  guint combo = (guint) (((guint64) serial * 7919u) % n_combos);
  const char *first = first_names[combo % n_first];
  const char *last = last_names[combo / n_first];
  guint round = serial / n_combos;
  char buf[128];
  guint state_roll;
  guint rank_roll;

  if (serial == RTL_POSITION)
    {
      m->acc_name = RTL_NAME;
      m->com_name = RTL_NAME;
    }
  else
    {
      if (round == 0)
        g_snprintf (buf, sizeof buf, "%s %s", first, last);
      else
        g_snprintf (buf, sizeof buf, "%s %s %u", first, last, round + 1);
      m->acc_name = g_string_chunk_insert (self->strings, buf);

      g_snprintf (buf, sizeof buf, "%.*s. %s",
                  (int) (g_utf8_next_char (first) - first), first, last);
      m->com_name = g_string_chunk_insert (self->strings, buf);
    }

  m->acc_id = insert_hex (self->strings, prng, 32, TRUE);
  m->discord_id = insert_snowflake (self->strings, prng);
  m->api_ids[0] = m->discord_id;
  m->n_api_ids = 1 + prng_below (prng, 3);
  if (m->n_api_ids > 1)
    m->api_ids[1] = insert_hex (self->strings, prng, 40, FALSE);
  if (m->n_api_ids > 2)
    {
      g_snprintf (buf, sizeof buf, "steam:11000010%09x", prng_below (prng, 0x7fffffff));
      m->api_ids[2] = g_string_chunk_insert (self->strings, buf);
    }

  m->unique_id = 1104 + serial;
  m->join_date = epoch + prng_below (prng, 4 * 365 * 86400);
  m->last_login = m->join_date + prng_below (prng, 180 * 86400);
  m->time_zone = (int) prng_below (prng, 5) - 1;
  m->sys_status = TRUE;
  m->com_status = TRUE;

  state_roll = prng_below (prng, 100);
  if (state_roll < 8)
    m->com_status = FALSE;
  else if (state_roll < 12)
    {
      m->banned = TRUE;
      m->sys_status = FALSE;
    }
  else if (state_roll < 16)
    {
      m->archived = TRUE;
      m->sys_status = FALSE;
    }

  m->primary_identifier = "";
  if (!m->com_status)
    return;

  /* A department rank, weighted towards the junior ones. */
  rank_roll = prng_below (prng, 100);
  if (rank_roll >= 4)
    {
      const ScmsMockDepartment *dept = &departments[prng_below (prng, 4)];
      guint a = prng_below (prng, dept->n_ranks);
      guint b = prng_below (prng, dept->n_ranks);

      m->ranks[m->n_ranks++] = (guint8) (dept->first_rank + MIN (a, b));
      g_snprintf (buf, sizeof buf, "%u%c-%02u", 1 + prng_below (prng, 4),
                  dept->label_two[0], 1 + prng_below (prng, 40));
      m->primary_identifier = g_string_chunk_insert (self->strings, buf);
      g_snprintf (buf, sizeof buf, "%s-%u",
                  dept->label_two[0] == 'C' ? "Sierra" : "Lincoln", 10 + prng_below (prng, 90));
      m->callsign = g_string_chunk_insert (self->strings, buf);
      m->certifications = prng_below (prng, 1u << 6) & prng_below (prng, 1u << 6);
    }
  if (prng_below (prng, 100) < 20)
    {
      const ScmsMockDepartment *dept = &departments[prng_below (prng, 4)];
      guint8 rank = (guint8) (dept->first_rank + prng_below (prng, MIN (dept->n_ranks, 2u)));

      if (m->n_ranks == 0 || m->ranks[0] != rank)
        m->ranks[m->n_ranks++] = rank;
    }
  if (prng_below (prng, 100) < 30)
    m->ranks[m->n_ranks++] = RANK_STAFF_MEMBER;
  else if (prng_below (prng, 100) < 3)
    m->ranks[m->n_ranks++] = (guint8) (RANK_STAFF_MODERATOR + prng_below (prng, 2));

  /* A few active members are on shift when the mock starts. */
  if (!m->banned && !m->archived && prng_below (prng, 100) < 5)
    m->clocked_in_at_start = TRUE;
}

/**
 * scms_mock_community_new:
 * @n_members: members in total, the five reference members included
 *   (clamped to 5…%SCMS_MOCK_MAX_MEMBERS)
 *
 * Returns: (transfer full): the same community for the same @n_members, on
 *   every machine and run.
 */
ScmsMockCommunity *
scms_mock_community_new (guint n_members)
{
  ScmsMockCommunity *self = g_new0 (ScmsMockCommunity, 1);
  Prng prng = { G_GUINT64_CONSTANT (0x5043a7e11c0ffee5) };
  gint64 epoch = local_unix (2022, 1, 1, 0, 0, 0);

  n_members = CLAMP (n_members, 5, SCMS_MOCK_MAX_MEMBERS);
  self->n_members = n_members;
  self->members = g_new0 (ScmsMockMember, n_members);
  self->strings = g_string_chunk_new (64 * 1024);

  add_example_members (self);
  for (guint i = 5; i < n_members; i++)
    generate_member (self, &prng, epoch, i, i - 5);

  return self;
}

void
scms_mock_community_free (ScmsMockCommunity *self)
{
  if (self == NULL)
    return;

  g_string_chunk_free (self->strings);
  g_free (self->members);
  g_free (self);
}

guint
scms_mock_community_get_n_members (ScmsMockCommunity *self)
{
  return self->n_members;
}

const ScmsMockMember *
scms_mock_community_get_member (ScmsMockCommunity *self,
                                guint              index)
{
  g_return_val_if_fail (index < self->n_members, NULL);

  return &self->members[index];
}

/* Linear scans: even 100,000 members take well under a millisecond, and it
 * keeps generation cheap. */
int
scms_mock_community_find_by_api_id (ScmsMockCommunity *self,
                                    const char        *api_id)
{
  for (guint i = 0; i < self->n_members; i++)
    {
      for (guint j = 0; j < self->members[i].n_api_ids; j++)
        {
          if (strcmp (self->members[i].api_ids[j], api_id) == 0)
            return (int) i;
        }
    }

  return -1;
}

int
scms_mock_community_find_by_name (ScmsMockCommunity *self,
                                  const char        *acc_name)
{
  for (guint i = 0; i < self->n_members; i++)
    {
      if (strcmp (self->members[i].acc_name, acc_name) == 0)
        return (int) i;
    }

  return -1;
}

int
scms_mock_community_find_by_acc_id (ScmsMockCommunity *self,
                                    const char        *acc_id)
{
  for (guint i = 0; i < self->n_members; i++)
    {
      if (strcmp (self->members[i].acc_id, acc_id) == 0)
        return (int) i;
    }

  return -1;
}

int
scms_mock_community_find_by_discord (ScmsMockCommunity *self,
                                     const char        *discord_id)
{
  for (guint i = 0; i < self->n_members; i++)
    {
      if (strcmp (self->members[i].discord_id, discord_id) == 0)
        return (int) i;
    }

  return -1;
}

int
scms_mock_community_find_by_unique_id (ScmsMockCommunity *self,
                                       gint64             unique_id)
{
  for (guint i = 0; i < self->n_members; i++)
    {
      if (self->members[i].unique_id == unique_id)
        return (int) i;
    }

  return -1;
}

ScmsMockWhitelistResult
scms_mock_member_check_whitelist (const ScmsMockMember     *member,
                                  const ScmsMockGameServer *server)
{
  guint32 mask = 0;

  if (member->owner)
    return SCMS_MOCK_WHITELIST_BYPASSED;
  if (member->banned || member->archived || !member->com_status || !member->sys_status)
    return SCMS_MOCK_WHITELIST_NOT_ALLOWED;

  for (guint i = 0; i < member->n_ranks; i++)
    mask |= BIT (member->ranks[i]);

  /* Block always beats allow. */
  if (mask & server->blocked_ranks)
    return SCMS_MOCK_WHITELIST_BLOCKED;
  if (mask & server->allowed_ranks)
    return SCMS_MOCK_WHITELIST_ALLOWED;

  return SCMS_MOCK_WHITELIST_NOT_ALLOWED;
}
