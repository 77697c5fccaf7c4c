# editor_tests.cmake — the code editor's model tests (included by tests/ui/CMakeLists.txt). No
# display: the text buffer, the diff, the saved edits and the cell layout have no ImGui.
add_executable(test_ui_editor
  ${CMAKE_CURRENT_LIST_DIR}/test_text_buffer.cpp
  ${CMAKE_CURRENT_LIST_DIR}/test_line_diff.cpp
  ${CMAKE_CURRENT_LIST_DIR}/test_saved_edits.cpp
  ${CMAKE_CURRENT_LIST_DIR}/test_editor_model.cpp
  ${CMAKE_CURRENT_LIST_DIR}/test_char_width.cpp
  ${CMAKE_CURRENT_LIST_DIR}/test_cell_layout.cpp)
target_link_libraries(test_ui_editor PRIVATE loopscope_ui GTest::gtest_main)
gtest_discover_tests(test_ui_editor DISCOVERY_TIMEOUT 60)

# What the editor costs per frame while typing (a measurement, built on demand, not a test).
add_executable(bench_editor_frame EXCLUDE_FROM_ALL ${CMAKE_CURRENT_LIST_DIR}/bench_editor_frame.cpp)
target_link_libraries(bench_editor_frame PRIVATE loopscope_ui)
