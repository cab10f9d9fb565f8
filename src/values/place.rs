//! Places: where something was signed, said or stationed.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::CountryCode;

/// A named place, such as Damascus.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, remote = "Self")]
pub struct Place {
    /// The name as the source gives it.
    pub name: String,
    /// The country the place is in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<CountryCode>,
    /// WGS 84 coordinates, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub coordinates: Option<Coordinates>,
}

impl Place {
    /// A place in a country.
    pub fn new(name: impl Into<String>, country: Option<CountryCode>) -> Self {
        Self { name: name.into(), country, coordinates: None }
    }
}

/// WGS 84 coordinates in decimal degrees.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, try_from = "RawCoordinates")]
pub struct Coordinates {
    /// Degrees north of the equator, -90 to 90.
    pub latitude: f64,
    /// Degrees east of Greenwich, -180 to 180.
    pub longitude: f64,
}

/// WGS 84 coordinates in decimal degrees (the shape read, before the ranges are checked).
#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, remote = "Self")]
#[schemars(rename = "Coordinates")]
struct RawCoordinates {
    /// Degrees north of the equator, -90 to 90.
    #[schemars(range(min = -90.0, max = 90.0))]
    latitude: f64,
    /// Degrees east of Greenwich, -180 to 180.
    #[schemars(range(min = -180.0, max = 180.0))]
    longitude: f64,
}

impl TryFrom<RawCoordinates> for Coordinates {
    type Error = String;
    fn try_from(raw: RawCoordinates) -> Result<Self, String> {
        if !(-90.0..=90.0).contains(&raw.latitude) {
            return Err(format!("latitude {} is outside -90..=90", raw.latitude));
        }
        if !(-180.0..=180.0).contains(&raw.longitude) {
            return Err(format!("longitude {} is outside -180..=180", raw.longitude));
        }
        Ok(Self { latitude: raw.latitude, longitude: raw.longitude })
    }
}

crate::objects_only::objects_only!(Place);

impl<'de> Deserialize<'de> for RawCoordinates {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        RawCoordinates::deserialize(crate::objects_only::ObjectsOnly(deserializer))
    }
}
