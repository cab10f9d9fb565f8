//! Places: where something was signed, said or stationed.

use serde::{Deserialize, Serialize};

use super::CountryCode;

/// A named place, such as Damascus.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields, remote = "Self")]
#[non_exhaustive]
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
    /// A place by name, with no country or coordinates yet.
    pub fn new(name: impl Into<String>) -> Self {
        Self { name: name.into(), country: None, coordinates: None }
    }
}

/// WGS 84 coordinates in decimal degrees.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields, try_from = "RawCoordinates")]
pub struct Coordinates {
    latitude: f64,
    longitude: f64,
}

impl Coordinates {
    /// Checks and wraps a position: latitude -90 to 90, longitude -180 to 180 (so never NaN or
    /// infinite, which JSON cannot carry). The fields are private so the range always holds.
    pub fn new(latitude: f64, longitude: f64) -> Result<Self, CoordinatesError> {
        if !(-90.0..=90.0).contains(&latitude) {
            return Err(CoordinatesError::Latitude(latitude));
        }
        if !(-180.0..=180.0).contains(&longitude) {
            return Err(CoordinatesError::Longitude(longitude));
        }
        Ok(Self { latitude, longitude })
    }

    /// Degrees north of the equator, -90 to 90.
    pub fn latitude(&self) -> f64 {
        self.latitude
    }

    /// Degrees east of Greenwich, -180 to 180.
    pub fn longitude(&self) -> f64 {
        self.longitude
    }
}

/// A latitude or longitude out of range (or not a number).
#[derive(Debug, Clone, Copy, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum CoordinatesError {
    /// The latitude is not within -90..=90.
    #[error("latitude {0} is outside -90..=90")]
    Latitude(f64),
    /// The longitude is not within -180..=180.
    #[error("longitude {0} is outside -180..=180")]
    Longitude(f64),
}

/// WGS 84 coordinates in decimal degrees (the shape read, before the ranges are checked).
#[derive(Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields, remote = "Self")]
#[cfg_attr(feature = "schema", schemars(rename = "Coordinates"))]
struct RawCoordinates {
    /// Degrees north of the equator, -90 to 90.
    #[cfg_attr(feature = "schema", schemars(range(min = -90.0, max = 90.0)))]
    latitude: f64,
    /// Degrees east of Greenwich, -180 to 180.
    #[cfg_attr(feature = "schema", schemars(range(min = -180.0, max = 180.0)))]
    longitude: f64,
}

impl TryFrom<RawCoordinates> for Coordinates {
    type Error = CoordinatesError;
    fn try_from(raw: RawCoordinates) -> Result<Self, CoordinatesError> {
        Self::new(raw.latitude, raw.longitude)
    }
}

crate::with::with!(Place {
    with_country: country opt CountryCode;
    with_coordinates: coordinates opt Coordinates;
});

crate::objects_only::objects_only!(Place);

impl<'de> Deserialize<'de> for RawCoordinates {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        RawCoordinates::deserialize(crate::objects_only::ObjectsOnly(deserializer))
    }
}
