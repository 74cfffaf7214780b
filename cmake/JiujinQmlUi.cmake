# jiujin_qml_ui(<target> URI <uri> QML_FILES <files…> [SINGLETONS <files…>]
#               TS_FILES <ts…> [TR_SOURCES <C++ files…> TR_INCLUDE_DIRECTORIES <dirs…>])
#
# An app's QML module as a static library (generated code only, so without the project's
# warning flags): the files sit at the module's root in the resources, so they load as
# qrc:/<URI with / for .>/Main.qml; SINGLETONS (also listed in QML_FILES) are singleton
# types; the translations compile to :/i18n/<ts name>.qm. lupdate (<target>_lupdate,
# update_translations) reads the QML files and TR_SOURCES, the C++ files whose tr() strings
# the app shows (its view models); it needs their headers (TR_INCLUDE_DIRECTORIES) to name
# the context as tr() does at run time ("jiujin::console::HallMonitor", not "HallMonitor").
function(jiujin_qml_ui target)
  cmake_parse_arguments(ARG "" "URI" "QML_FILES;SINGLETONS;TS_FILES;TR_SOURCES;TR_INCLUDE_DIRECTORIES" ${ARGN})
  set_source_files_properties(${ARG_SINGLETONS} PROPERTIES QT_QML_SINGLETON_TYPE TRUE)
  set(qml_paths)
  foreach(file ${ARG_QML_FILES})
    get_filename_component(name ${file} NAME)
    set_source_files_properties(${file} PROPERTIES QT_RESOURCE_ALIAS ${name})
    list(APPEND qml_paths ${CMAKE_CURRENT_SOURCE_DIR}/${file})
  endforeach()
  string(REPLACE "." "/" uri_path ${ARG_URI})

  qt_add_library(${target} STATIC)
  qt_add_qml_module(${target}
    URI ${ARG_URI}
    VERSION 1.0
    RESOURCE_PREFIX /
    OUTPUT_DIRECTORY ${CMAKE_CURRENT_BINARY_DIR}/${uri_path}
    QML_FILES ${ARG_QML_FILES}
  )
  qt_add_translations(${target}
    TS_FILES ${ARG_TS_FILES}
    RESOURCE_PREFIX /i18n
    SOURCES ${qml_paths} ${ARG_TR_SOURCES}
    INCLUDE_DIRECTORIES ${ARG_TR_INCLUDE_DIRECTORIES})
endfunction()
