//! Which records have been referred to, for the "never referenced" warnings.

/// One flag per record: a machine word for up to 128 records (no allocation for the typical
/// dossier), a vector beyond.
pub(crate) enum Marks {
    Small(u128),
    Large(Vec<bool>),
}

impl Marks {
    pub(crate) fn new(len: usize) -> Self {
        if len <= 128 { Self::Small(0) } else { Self::Large(vec![false; len]) }
    }

    pub(crate) fn set(&mut self, i: usize) {
        match self {
            Self::Small(bits) if i < 128 => *bits |= 1 << i,
            Self::Small(_) => {}
            Self::Large(flags) => {
                if let Some(flag) = flags.get_mut(i) {
                    *flag = true;
                }
            }
        }
    }

    pub(crate) fn is_set(&self, i: usize) -> bool {
        match self {
            Self::Small(bits) => i < 128 && bits & (1 << i) != 0,
            Self::Large(flags) => flags.get(i).copied().unwrap_or(false),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Marks;

    #[test]
    fn small_and_large_marks_agree() {
        for len in [0, 1, 127, 128, 129, 1000] {
            let mut marks = Marks::new(len);
            for i in (0..len).step_by(3) {
                marks.set(i);
            }
            for i in 0..len {
                assert_eq!(marks.is_set(i), i % 3 == 0, "len {len}, i {i}");
            }
        }
    }
}
