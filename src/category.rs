//! The three team categories of SPEC 1, ordered by how much they may decide.

use std::fmt;
use std::str::FromStr;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Category {
    DataProductUser,
    FrameworkUser,
    FrameworkCreator,
}

impl Category {
    pub const ALL: [Category; 3] = [
        Category::DataProductUser,
        Category::FrameworkUser,
        Category::FrameworkCreator,
    ];

    pub const IDS: [&'static str; 3] = ["data-product-user", "framework-user", "framework-creator"];

    pub fn id(self) -> &'static str {
        match self {
            Category::DataProductUser => "data-product-user",
            Category::FrameworkUser => "framework-user",
            Category::FrameworkCreator => "framework-creator",
        }
    }

    /// What a claim above the team's category is labelled with.
    pub fn needed_label(self) -> &'static str {
        match self {
            Category::DataProductUser => "this needs a data-product-user team",
            Category::FrameworkUser => "this needs a framework-user team",
            Category::FrameworkCreator => "this needs a framework-creator team",
        }
    }

    pub fn describe(self) -> &'static str {
        match self {
            Category::DataProductUser => {
                "uses data products others built: SQL, dashboards, APIs, a warehouse"
            }
            Category::FrameworkUser => {
                "builds pipelines and products on existing frameworks such as Spark, Kafka or Kubernetes"
            }
            Category::FrameworkCreator => {
                "builds distributed-system frameworks: schedulers, resource managers, brokers, storage engines"
            }
        }
    }
}

impl fmt::Display for Category {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

impl FromStr for Category {
    type Err = ();

    fn from_str(s: &str) -> Result<Self, ()> {
        Category::ALL.into_iter().find(|c| c.id() == s).ok_or(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordered_by_reach() {
        assert!(Category::DataProductUser < Category::FrameworkUser);
        assert!(Category::FrameworkUser < Category::FrameworkCreator);
        assert_eq!("framework-user".parse(), Ok(Category::FrameworkUser));
        assert!("framework-usr".parse::<Category>().is_err());
    }
}
