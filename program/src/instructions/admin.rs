//! Admin checks shared by the initialisation instructions.
use crate::error::{Error, Result};
use crate::sdk::pubkey::{keys_eq, Pubkey};
use crate::sdk::AccountView;
use crate::state::config::Config;

/// The config, and the signer must be its admin (UNAUTHORIZED).
pub fn admin_config(config_view: &AccountView, admin: &AccountView, program_id: &Pubkey) -> Result<Config> {
    let config = Config::load(config_view, program_id)?;
    if !keys_eq(admin.key(), &config.admin) {
        return Err(Error::Unauthorized);
    }
    Ok(config)
}

/// An account about to be created must not exist yet (ALREADY_INITIALIZED): re-initialisation is refused.
pub fn expect_uninitialized(view: &AccountView) -> Result<()> {
    if view.data_len() != 0 || !keys_eq(view.owner(), &crate::sdk::pubkey::SYSTEM_PROGRAM_ID) {
        return Err(Error::AlreadyInitialized);
    }
    Ok(())
}
