/* mc-bundle-keys.c
 *
 * Copyright 2026 The Một Cửa developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "mc-bundle"

#include "config.h"

#include <glib/gi18n.h>
#include <sodium.h>
#include <string.h>

#include "mc-accounts.h"
#include "mc-bundle-private.h"

/* The office key: derived from the sync passphrase with Argon2id, salted with the office code, and kept on the
 * station instead of the passphrase; the keys of other offices on the level above, and the aggregator flag. */

static gboolean
ensure_sodium (GError **error)
{
  if (sodium_init () < 0)
    {
      g_set_error_literal (error, MC_BUNDLE_ERROR, MC_BUNDLE_ERROR_IO,
                           _("The encryption library could not start; reinstall Một Cửa"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
ensure_set_up (McStore  *store,
               GError  **error)
{
  if (mc_store_is_set_up (store))
    return TRUE;
  g_set_error_literal (error, MC_BUNDLE_ERROR, MC_BUNDLE_ERROR_NOT_SET_UP,
                       _("This database has no office yet. Set up the office first (motcua-cli init)."));
  return FALSE;
}

/* What every export and import needs first: the encryption library, and an office. */
gboolean
_mc_bundle_check_ready (McStore  *store,
                        GError  **error)
{
  return ensure_sodium (error) && ensure_set_up (store, error);
}

/* Production: Argon2id "moderate" (about 0.45 s and 256 MiB, once per station when the passphrase is set).
 * MOTCUA_PWHASH_FAST=1 selects "interactive" for the test suite only, in a build made for it
 * (mc_accounts_fast_hashing ()): keys derived with it differ. */
static void
kdf_limits (unsigned long long *ops,
            size_t             *mem,
            const char        **name)
{
  if (mc_accounts_fast_hashing ())
    {
      *ops = crypto_pwhash_OPSLIMIT_INTERACTIVE;
      *mem = crypto_pwhash_MEMLIMIT_INTERACTIVE;
      *name = "argon2id13-interactive";
    }
  else
    {
      *ops = crypto_pwhash_OPSLIMIT_MODERATE;
      *mem = crypto_pwhash_MEMLIMIT_MODERATE;
      *name = "argon2id13-moderate";
    }
}

static char *
key_setting_name (McStore    *store,
                  const char *office_code)
{
  const McOffice *office = mc_store_get_office (store);

  if (office_code == NULL || g_strcmp0 (office_code, office->code) == 0)
    return g_strdup ("sync_key");
  return g_strconcat ("sync_key:", office_code, NULL);
}

/* The key of @office_code's @passphrase, as hex, and the name of the derivation's limits. */
static gboolean
derive_key (const char   *office_code,
            const char   *passphrase,
            char          hex[KEY_SIZE * 2 + 1],
            const char  **kdf,
            GError      **error)
{
  guint8 salt[crypto_pwhash_SALTBYTES];
  guint8 key[KEY_SIZE];
  unsigned long long ops;
  size_t mem;

  if (!mc_office_code_is_valid (office_code))
    {
      g_set_error_literal (error, MC_BUNDLE_ERROR, MC_BUNDLE_ERROR_OTHER_OFFICE,
                           _("The office code is the office's electronic id, letters, digits and dots only, "
                             "such as 000.00.12.H40"));
      return FALSE;
    }
  if (passphrase == NULL || !g_utf8_validate (passphrase, -1, NULL) ||
      g_utf8_strlen (passphrase, -1) < MC_BUNDLE_MIN_PASSPHRASE)
    {
      g_set_error (error, MC_BUNDLE_ERROR, MC_BUNDLE_ERROR_WEAK_PASSPHRASE,
                   _("The sync passphrase must have at least %d characters; choose a longer one and use the "
                     "same on every workstation of the office"), MC_BUNDLE_MIN_PASSPHRASE);
      return FALSE;
    }

  /* Every station derives the same key: the salt is the office code's hash. */
  crypto_generichash (salt, sizeof salt, (const guint8 *) office_code, strlen (office_code), NULL, 0);
  kdf_limits (&ops, &mem, kdf);
  if (crypto_pwhash (key, sizeof key, passphrase, strlen (passphrase), salt, ops, mem,
                     crypto_pwhash_ALG_ARGON2ID13) != 0)
    {
      g_set_error_literal (error, MC_BUNDLE_ERROR, MC_BUNDLE_ERROR_IO,
                           _("Not enough memory to derive the sync key; close other programs and try again"));
      return FALSE;
    }
  sodium_bin2hex (hex, KEY_SIZE * 2 + 1, key, sizeof key);
  sodium_memzero (key, sizeof key);
  return TRUE;
}

/* Keeps @hex under the setting @name, writing nothing when it is the key already kept (a refused import or an
 * export with the same passphrase must leave the row as it is). */
static gboolean
store_key (McStore     *store,
           const char  *name,
           const char  *hex,
           const char  *kdf,
           GError     **error)
{
  g_autofree char *held = mc_store_get_local (store, name);
  gboolean ok = TRUE;

  if (held == NULL || !g_str_equal (held, hex))
    ok = mc_store_set_local (store, name, hex, error);
  if (held != NULL)
    sodium_memzero (held, strlen (held));
  if (ok && g_str_equal (name, "sync_key"))
    ok = mc_store_set_local (store, "sync_kdf", kdf, error);
  return ok;
}

static gboolean
derive_and_store (McStore     *store,
                  const char  *office_code,
                  const char  *passphrase,
                  GError     **error)
{
  char hex[KEY_SIZE * 2 + 1];
  const char *kdf = NULL;
  g_autofree char *name = NULL;
  gboolean ok;

  if (!_mc_bundle_check_ready (store, error) || !derive_key (office_code, passphrase, hex, &kdf, error))
    return FALSE;
  name = key_setting_name (store, office_code);
  ok = store_key (store, name, hex, kdf, error);
  sodium_memzero (hex, sizeof hex);
  return ok;
}

#define OFFERED_KEY "mc-bundle-offered-key"

static void
offered_key_free (gpointer data)
{
  sodium_memzero (data, KEY_SIZE * 2 + 1);
  g_free (data);
}

/**
 * mc_bundle_offer_passphrase:
 *
 * For the next import on @store only: the office key derived from @passphrase, which the station keeps
 * (as mc_bundle_set_passphrase() does) once an import with it succeeds. A bundle refused, a wrong passphrase
 * among the reasons, leaves the key the station held as it was.
 */
gboolean
mc_bundle_offer_passphrase (McStore     *store,
                            const char  *passphrase,
                            GError     **error)
{
  g_autofree char *held = NULL;
  char *hex;
  const char *kdf = NULL;
  gboolean same;

  g_return_val_if_fail (MC_IS_STORE (store), FALSE);

  if (!_mc_bundle_check_ready (store, error))
    return FALSE;
  hex = g_malloc0 (KEY_SIZE * 2 + 1);
  if (!derive_key (mc_store_get_office (store)->code, passphrase, hex, &kdf, error))
    {
      offered_key_free (hex);
      return FALSE;
    }
  held = mc_store_get_local (store, "sync_key");
  same = held != NULL && g_str_equal (held, hex);
  if (held != NULL)
    sodium_memzero (held, strlen (held));
  /* The key the station holds already: nothing to offer, whoever types it. Another key is a change of the
   * station's setting: the administrator's. */
  if (same || !mc_accounts_check (store, MC_PERMISSION_ADMINISTER, error))
    {
      offered_key_free (hex);
      return same;
    }
  g_object_set_data_full (G_OBJECT (store), OFFERED_KEY, hex, offered_key_free);
  return TRUE;
}

/**
 * mc_bundle_keep_offered_key:
 *
 * Keeps the key mc_bundle_offer_passphrase() offered, if any, as the station's: after an import that succeeded
 * with it, or for an export.
 */
gboolean
mc_bundle_keep_offered_key (McStore  *store,
                             GError  **error)
{
  const char *hex = g_object_get_data (G_OBJECT (store), OFFERED_KEY);
  const char *kdf = NULL;
  unsigned long long ops;
  size_t mem;
  gboolean ok;

  if (hex == NULL)
    return TRUE;
  kdf_limits (&ops, &mem, &kdf);
  ok = store_key (store, "sync_key", hex, kdf, error);
  g_object_set_data (G_OBJECT (store), OFFERED_KEY, NULL);
  return ok;
}

/**
 * mc_bundle_set_passphrase:
 *
 * Derives the office key from @passphrase (Argon2id, salted with the office code) and keeps the key, never the
 * passphrase, on this station.
 */
gboolean
mc_bundle_set_passphrase (McStore     *store,
                          const char  *passphrase,
                          GError     **error)
{
  g_return_val_if_fail (MC_IS_STORE (store), FALSE);

  if (!ensure_set_up (store, error) || !mc_accounts_check (store, MC_PERMISSION_ADMINISTER, error))
    return FALSE;
  return derive_and_store (store, mc_store_get_office (store)->code, passphrase, error);
}

/**
 * mc_bundle_add_office_key:
 *
 * On an aggregating database (the level above): registers the sync passphrase of another office, so that its
 * bundles can be imported.
 */
gboolean
mc_bundle_add_office_key (McStore     *store,
                          const char  *office_code,
                          const char  *passphrase,
                          GError     **error)
{
  g_return_val_if_fail (MC_IS_STORE (store), FALSE);

  if (!mc_accounts_check (store, MC_PERMISSION_ADMINISTER, error))
    return FALSE;
  return derive_and_store (store, office_code, passphrase, error);
}

gboolean
_mc_bundle_load_key (McStore    *store,
                     const char *office_code,
                     guint8      key[KEY_SIZE])
{
  g_autofree char *name = key_setting_name (store, office_code);
  const char *offered = g_str_equal (name, "sync_key") ? g_object_get_data (G_OBJECT (store), OFFERED_KEY) : NULL;
  g_autofree char *hex = offered != NULL ? g_strdup (offered) : mc_store_get_local (store, name);
  size_t len = 0;

  if (hex == NULL)
    return FALSE;
  if (sodium_hex2bin (key, KEY_SIZE, hex, strlen (hex), NULL, &len, NULL) != 0 || len != KEY_SIZE)
    {
      sodium_memzero (hex, strlen (hex));
      return FALSE;
    }
  sodium_memzero (hex, strlen (hex));
  return TRUE;
}

gboolean
mc_bundle_has_key (McStore *store)
{
  guint8 key[KEY_SIZE];
  gboolean ok;

  g_return_val_if_fail (MC_IS_STORE (store), FALSE);
  if (!mc_store_is_set_up (store) || sodium_init () < 0)
    return FALSE;
  ok = _mc_bundle_load_key (store, NULL, key);
  sodium_memzero (key, sizeof key);
  return ok;
}

gboolean
mc_bundle_is_aggregator (McStore *store)
{
  g_autofree char *role = NULL;

  g_return_val_if_fail (MC_IS_STORE (store), FALSE);
  role = mc_store_get_local (store, "role");
  return g_strcmp0 (role, "aggregator") == 0;
}

/**
 * mc_bundle_set_aggregator:
 *
 * Makes this database the level above: it imports the bundles of every office whose key was registered
 * (mc_bundle_add_office_key()) and keeps the offices apart by their dossier codes.
 */
gboolean
mc_bundle_set_aggregator (McStore   *store,
                          gboolean   aggregator,
                          GError   **error)
{
  g_return_val_if_fail (MC_IS_STORE (store), FALSE);
  if (!mc_accounts_check (store, MC_PERMISSION_ADMINISTER, error))
    return FALSE;
  return mc_store_set_local (store, "role", aggregator ? "aggregator" : "station", error);
}

/* The key's public name in a bundle's header: tells a wrong passphrase from a damaged file. */
void
_mc_bundle_key_id_hex (const guint8 key[KEY_SIZE],
                       char         out[KEY_ID_SIZE * 2 + 1])
{
  static const char label[] = "motcua bundle key id";
  guint8 id[KEY_ID_SIZE];

  crypto_generichash (id, sizeof id, (const guint8 *) label, strlen (label), key, KEY_SIZE);
  sodium_bin2hex (out, KEY_ID_SIZE * 2 + 1, id, sizeof id);
}
