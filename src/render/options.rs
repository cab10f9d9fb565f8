//! What a picture is drawn for: the day it shows the record as of, the dispute policy, the
//! width.

use chrono::NaiveDate;

use crate::DisputePolicy;

/// Options of [`timeline_svg`](super::timeline_svg) and [`report_html`](super::report_html).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct RenderOptions {
    /// The last day drawn: spans still open at the end of the record run to it. A fixed day
    /// makes the output the same on every run (the command line's `--as-of`; today by default).
    pub as_of: NaiveDate,
    /// Which disputed facts the lanes take as fact ([`DisputePolicy::Undisputed`] by default:
    /// none). Every disputed act is drawn, marked, whatever the policy.
    pub policy: DisputePolicy,
    /// The width of the timeline, in pixels (at least 480; 960 by default).
    pub width: u32,
}

impl RenderOptions {
    /// Options drawing the record as of `as_of`, under the default policy, 960 pixels wide.
    pub fn new(as_of: NaiveDate) -> Self {
        Self { as_of, policy: DisputePolicy::default(), width: 960 }
    }

    /// The same, under `policy`.
    pub fn with_policy(mut self, policy: DisputePolicy) -> Self {
        self.policy = policy;
        self
    }

    /// The same, `width` pixels wide (at least 480).
    pub fn with_width(mut self, width: u32) -> Self {
        self.width = width.max(480);
        self
    }
}
