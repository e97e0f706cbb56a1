//! The words of the line shown while a census loads.

use crate::lang::Lang;

strings! { LoadingUi, loading;
    loading: "Chargement de {file}… {percent} %", "Loading {file}… {percent} %";
}
