# The layers of docs/architecture.md, checked when the build is configured: a library that
# reaches (directly or through others) a library its layer must not use fails configuration,
# naming the path. Call jiujin_check_layers() once, after every folder is added.

# jiujin_add_layer(<folder>): add_subdirectory for a folder the build needs. A missing folder
# (or one without its CMakeLists.txt) stops configuration and names it, instead of a build
# that quietly lacks a layer. A macro, so the folder is added in the caller's scope.
macro(jiujin_add_layer folder)
  if(NOT EXISTS ${CMAKE_CURRENT_SOURCE_DIR}/${folder}/CMakeLists.txt)
    message(FATAL_ERROR "Missing folder: ${CMAKE_CURRENT_SOURCE_DIR}/${folder}/CMakeLists.txt does not exist. "
                        "Every layer folder (docs/architecture.md, \"Layers\") and every folder of tests/ and bench/ "
                        "is part of the build.")
  endif()
  add_subdirectory(${folder})
endmacro()

# jiujin_add_mirror_folders(): tests/ and bench/ mirror the source tree, one folder per layer;
# each folder is added, and a folder without a CMakeLists.txt (tests that would never be built)
# stops configuration. The Qt/QML apps' folders are added only with JIUJIN_BUILD_UI.
macro(jiujin_add_mirror_folders)
  file(GLOB _jiujin_children LIST_DIRECTORIES true RELATIVE ${CMAKE_CURRENT_SOURCE_DIR} ${CMAKE_CURRENT_SOURCE_DIR}/*)
  list(SORT _jiujin_children)
  foreach(_jiujin_child ${_jiujin_children})
    if(NOT IS_DIRECTORY ${CMAKE_CURRENT_SOURCE_DIR}/${_jiujin_child})
      continue()
    endif()
    if(NOT JIUJIN_BUILD_UI AND _jiujin_child IN_LIST JIUJIN_UI_FOLDERS)
      continue()
    endif()
    jiujin_add_layer(${_jiujin_child})
  endforeach()
endmacro()

# The folders (at the top and in tests/ and bench/) built only with JIUJIN_BUILD_UI.
set(JIUJIN_UI_FOLDERS kiosk display console)

# The project libraries `target` links, directly and through other project libraries.
function(_jiujin_reachable target out)
  set(seen "")
  set(pending ${target})
  while(pending)
    list(POP_FRONT pending current)
    if(NOT TARGET ${current})
      continue()
    endif()
    get_target_property(aliased ${current} ALIASED_TARGET)
    if(aliased)
      set(current ${aliased})
    endif()
    if(current IN_LIST seen)
      continue()
    endif()
    list(APPEND seen ${current})
    get_target_property(imported ${current} IMPORTED)
    if(imported)
      continue()
    endif()
    get_target_property(type ${current} TYPE)
    set(links "")
    if(NOT type STREQUAL "INTERFACE_LIBRARY")
      get_target_property(direct ${current} LINK_LIBRARIES)
      if(direct)
        list(APPEND links ${direct})
      endif()
    endif()
    get_target_property(interface ${current} INTERFACE_LINK_LIBRARIES)
    if(interface)
      list(APPEND links ${interface})
    endif()
    foreach(link IN LISTS links)
      # $<LINK_ONLY:x> and similar wrappers name a target too.
      string(REGEX REPLACE "^\\$<[A-Z_]+:(.*)>$" "\\1" link "${link}")
      if(TARGET ${link})
        list(APPEND pending ${link})
      endif()
    endforeach()
  endwhile()
  list(REMOVE_ITEM seen ${target})
  set(${out} ${seen} PARENT_SCOPE)
endfunction()

# jiujin_forbid(<library> MUST_NOT_REACH <libraries…>)
# Every library named must exist, so a renamed or moved target cannot silently drop a rule;
# only the Qt/QML apps' libraries may be absent, in a build with -DJIUJIN_BUILD_UI=OFF.
function(jiujin_forbid library)
  cmake_parse_arguments(ARG "" "" "MUST_NOT_REACH" ${ARGN})
  foreach(named IN LISTS library ARG_MUST_NOT_REACH)
    if(NOT TARGET ${named} AND NOT (NOT JIUJIN_BUILD_UI AND named MATCHES "^jiujin[-_](kiosk|display|console)"))
      message(FATAL_ERROR "Layer rule names ${named}, which this build does not define (renamed or moved? "
                          "cmake/JiujinLayers.cmake and docs/architecture.md)")
    endif()
  endforeach()
  if(NOT TARGET ${library})
    return()  # an app left out of this build (-DJIUJIN_BUILD_UI=OFF)
  endif()
  _jiujin_reachable(${library} reached)
  foreach(forbidden IN LISTS ARG_MUST_NOT_REACH)
    if(forbidden IN_LIST reached)
      message(FATAL_ERROR "Layer rule broken: ${library} must not link ${forbidden} (directly or through "
                          "another library); see docs/architecture.md, \"Layers\". It reaches: ${reached}")
    endif()
  endforeach()
endfunction()

function(jiujin_check_layers)
  set(dispatcher_side jiujin_service jiujin_store)
  set(client_side jiujin_client jiujin_client_qt)
  set(devices jiujin_devices_port jiujin_devices_modbus jiujin_devices_bus jiujin_devices_drivers
              jiujin_devices_printer jiujin_devices_printer_sim jiujin_devices_sim jiujin_devices_gateway)
  # The pure core and its codec use nothing of ours but the core.
  jiujin_forbid(jiujin_core MUST_NOT_REACH jiujin_protocol ${dispatcher_side} ${client_side} jiujin_config ${devices})
  jiujin_forbid(jiujin_protocol MUST_NOT_REACH ${dispatcher_side} ${client_side} jiujin_config ${devices})
  jiujin_forbid(jiujin_config MUST_NOT_REACH ${dispatcher_side} ${client_side} ${devices})
  # Storage knows nothing of sockets, clients or devices.
  jiujin_forbid(jiujin_store MUST_NOT_REACH jiujin_service ${client_side} jiujin_config ${devices})
  jiujin_forbid(jiujin_service MUST_NOT_REACH ${client_side} ${devices})
  # Clients reach the dispatcher only over the wire.
  foreach(client jiujin_client jiujin_client_qt jiujin_forms jiujin_forms_pdf jiujin_devices_gateway jiujin_sim
                 jiujin_web jiujin-web)
    jiujin_forbid(${client} MUST_NOT_REACH ${dispatcher_side})
  endforeach()
  # The apps reach the dispatcher only through the client library: not the console (whose
  # screenshot demo once ran the service's figures in-process), not the kiosk, not the display.
  foreach(app jiujin-console jiujin_console_model jiujin_console_view jiujin_console_demo
              jiujin-kiosk jiujin_kiosk_model jiujin_kiosk_view jiujin_kiosk_demo
              jiujin-display jiujin_display_model jiujin_display_view jiujin_display_demo)
    jiujin_forbid(${app} MUST_NOT_REACH ${dispatcher_side})
  endforeach()
  # Demo scenes are for the screenshot and demo modes and the tests: no model or view has one.
  foreach(app console kiosk display)
    foreach(layer jiujin_${app}_model jiujin_${app}_view)
      jiujin_forbid(${layer} MUST_NOT_REACH jiujin_${app}_demo)
    endforeach()
  endforeach()
  # Device layers below the gateway know nothing of the hall's dispatcher or clients.
  foreach(layer jiujin_devices_port jiujin_devices_modbus jiujin_devices_bus jiujin_devices_drivers
                jiujin_devices_printer jiujin_devices_printer_sim)
    jiujin_forbid(${layer} MUST_NOT_REACH jiujin_core ${dispatcher_side} ${client_side})
  endforeach()
  # The simulated printer is for the demo, the tests and the benchmarks: no product carries it.
  foreach(product jiujin_devices_printer jiujin_devices_gateway jiujin-devices
                  jiujin-kiosk jiujin_kiosk_model jiujin_kiosk_view jiujin_kiosk_demo)
    jiujin_forbid(${product} MUST_NOT_REACH jiujin_devices_printer_sim)
  endforeach()
  # The simulator emulates devices from their register maps, never with the drivers' codecs.
  jiujin_forbid(jiujin_devices_sim MUST_NOT_REACH jiujin_devices_drivers ${dispatcher_side} ${client_side})
  jiujin_forbid(jiujin-bussim MUST_NOT_REACH jiujin_devices_drivers ${dispatcher_side} ${client_side})
endfunction()
